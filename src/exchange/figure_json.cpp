// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/figure_json.h"

#include "exchange/json_support.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <climits>
#include <fstream>
#include <sstream>

namespace hiprx::exchange {
namespace {

using detail::childPath;
using detail::indexPath;
using detail::Json;
using detail::JsonReader;

std::string joinNames(const std::vector<std::string_view>& names)
{
    std::string out;
    for (auto n : names)
        out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

std::optional<double> readNumber(JsonReader& r, const Json& v, const std::string& path)
{
    if (!v.is_number()) {
        r.problem(path, "expected a number, got " + detail::describe(v));
        return std::nullopt;
    }
    const double d = v.get<double>();
    if (!std::isfinite(d) || std::abs(d) > 1000) {
        r.problem(path, detail::describe(v) + " is outside \u22121000\u20131000");
        return std::nullopt;
    }
    return d;
}

std::optional<core::BodyPoint> readPoint(JsonReader& r, const Json& v, const std::string& path)
{
    const auto name = r.text(v, path);
    if (!name)
        return std::nullopt;
    const auto point = core::parseBodyPoint(*name);
    if (!point)
        r.problem(path, "unknown body point \"" + *name + "\" (expected e.g. right_knee, right_hand, pelvis, head)");
    return point;
}

/// One frame: {"base": …, "pose": {joint: degrees}, "shift_x": n}. `previous` is the start frame
/// when reading the end frame (an end without "base" starts from the start pose).
std::optional<core::BasePose> readFrame(JsonReader& r, const Json& v, const std::string& path,
                                        const std::optional<core::BasePose>& previous)
{
    if (!r.expectObject(v, path))
        return std::nullopt;
    r.checkKeys(v, path, {"base", "pose", "shift_x", "left_thigh_seen", "right_thigh_seen", "left_shin_seen",
                          "right_shin_seen"});
    std::optional<core::BasePose> frame = previous;
    if (v.contains("base")) {
        const auto name = r.text(v["base"], childPath(path, "base"));
        if (name) {
            frame = core::basePose(*name);
            if (!frame)
                r.problem(childPath(path, "base"),
                          "unknown base pose \"" + *name + "\" (expected one of " + joinNames(core::basePoseNames()) + ")");
        }
    } else if (!previous) {
        r.problem(childPath(path, "base"), "required");
    }
    if (!frame)
        return std::nullopt;
    if (v.contains("shift_x"))
        if (auto d = readNumber(r, v["shift_x"], childPath(path, "shift_x")))
            frame->pose.shiftX = *d;
    // Front view: how much of a thigh shows when it points at the viewer (0.1–1).
    for (const auto& [key, index] : {std::pair<const char*, std::size_t>{"left_thigh_seen", 0}, {"right_thigh_seen", 1}})
        if (v.contains(key))
            if (auto d = readNumber(r, v[key], childPath(path, key))) {
                if (*d < 0.1 || *d > 1)
                    r.problem(childPath(path, key), "expected 0.1 to 1");
                frame->pose.thighSeen[index] = *d;
            }
    // …and of a shin that slopes towards the viewer (sitting on the floor with the knees up).
    for (const auto& [key, index] : {std::pair<const char*, std::size_t>{"left_shin_seen", 0}, {"right_shin_seen", 1}})
        if (v.contains(key))
            if (auto d = readNumber(r, v[key], childPath(path, key))) {
                if (*d < 0.1 || *d > 1)
                    r.problem(childPath(path, key), "expected 0.1 to 1");
                frame->pose.shinSeen[index] = *d;
            }
    if (v.contains("pose")) {
        const std::string posePath = childPath(path, "pose");
        if (r.expectObject(v["pose"], posePath))
            for (const auto& [key, value] : v["pose"].items()) {
                const std::string jointPath = childPath(posePath, key);
                const auto joint = core::parseJoint(key);
                if (!joint) {
                    r.problem(jointPath, "unknown joint (expected e.g. pelvis, spine, neck, right_hip, right_knee, "
                                         "right_ankle, right_shoulder, right_elbow, and the left ones)");
                    continue;
                }
                if (auto d = readNumber(r, value, jointPath))
                    frame->pose[*joint] = *d;
            }
    }
    return frame;
}

std::optional<core::Prop> readProp(JsonReader& r, const Json& v, const std::string& path)
{
    if (!r.expectObject(v, path))
        return std::nullopt;
    r.checkKeys(v, path, {"type", "at", "to", "side", "height", "offset_x", "anchor", "start_only", "armrests"});
    core::Prop prop;
    if (!r.require(v, path, "type"))
        return std::nullopt;
    const auto type = r.text(v["type"], childPath(path, "type"));
    if (!type)
        return std::nullopt;
    const auto kind = core::parsePropKind(*type);
    if (!kind) {
        std::vector<std::string_view> names;
        for (int i = 0; i <= static_cast<int>(core::PropKind::Pillow); ++i)
            names.push_back(core::propKindName(static_cast<core::PropKind>(i)));
        r.problem(childPath(path, "type"), "unknown prop \"" + *type + "\" (expected one of " + joinNames(names) + ")");
        return std::nullopt;
    }
    prop.kind = *kind;
    if (v.contains("at"))
        prop.at = readPoint(r, v["at"], childPath(path, "at"));
    if (v.contains("to"))
        prop.to = readPoint(r, v["to"], childPath(path, "to"));
    if (v.contains("side")) {
        const auto side = r.text(v["side"], childPath(path, "side"));
        if (side && *side != "behind" && *side != "front")
            r.problem(childPath(path, "side"), "expected behind or front, got \"" + *side + "\"");
        prop.behind = !side || *side == "behind";
    }
    if (v.contains("height"))
        prop.height = readNumber(r, v["height"], childPath(path, "height")).value_or(0);
    if (v.contains("offset_x"))
        prop.offsetX = readNumber(r, v["offset_x"], childPath(path, "offset_x")).value_or(0);
    if (v.contains("start_only"))
        prop.startOnly = r.boolean(v["start_only"], childPath(path, "start_only")).value_or(false);
    if (v.contains("armrests"))
        prop.armrests = r.boolean(v["armrests"], childPath(path, "armrests")).value_or(false);
    if (v.contains("anchor")) {
        const std::string a = childPath(path, "anchor");
        if (!v["anchor"].is_array() || v["anchor"].size() != 2) {
            r.problem(a, "expected [x, y] in figure units");
        } else {
            const auto x = readNumber(r, v["anchor"][0], indexPath(a, 0));
            const auto y = readNumber(r, v["anchor"][1], indexPath(a, 1));
            if (x && y)
                prop.anchor = core::Vec2{*x, *y};
        }
    }
    return prop;
}

/// A number as the figure files write it: whole numbers without a decimal point.
Json numberJson(double value)
{
    if (value == std::round(value) && std::abs(value) < 1e9)
        return static_cast<std::int64_t>(value);
    return value;
}

/// The members of a frame that differ from `from`: joints, shift and (front view) how much of
/// each thigh and shin shows.
void writeFrameChanges(Json& frame, const core::Pose& pose, const core::Pose& from)
{
    Json joints = Json::object();
    for (std::size_t i = 0; i < core::kJointCount; ++i)
        if (pose.angles[i] != from.angles[i])
            joints[std::string(core::jointName(static_cast<core::Joint>(i)))] = numberJson(pose.angles[i]);
    if (pose.shiftX != from.shiftX)
        frame["shift_x"] = numberJson(pose.shiftX);
    const char* const thighKeys[] = {"left_thigh_seen", "right_thigh_seen"};
    const char* const shinKeys[] = {"left_shin_seen", "right_shin_seen"};
    for (std::size_t k = 0; k < 2; ++k) {
        if (pose.thighSeen[k] != from.thighSeen[k])
            frame[thighKeys[k]] = numberJson(pose.thighSeen[k]);
        if (pose.shinSeen[k] != from.shinSeen[k])
            frame[shinKeys[k]] = numberJson(pose.shinSeen[k]);
    }
    if (!joints.empty())
        frame["pose"] = std::move(joints);
}

/// How many members a frame written from `base` needs.
std::size_t changeCount(const core::Pose& pose, const core::Pose& base)
{
    Json frame = Json::object();
    writeFrameChanges(frame, pose, base);
    return frame.size() + (frame.contains("pose") ? frame["pose"].size() - 1 : 0);
}

Json propToJson(const core::Prop& prop)
{
    Json out = Json::object();
    out["type"] = std::string(core::propKindName(prop.kind));
    if (prop.at)
        out["at"] = std::string(core::bodyPointName(*prop.at));
    if (prop.to)
        out["to"] = std::string(core::bodyPointName(*prop.to));
    if (!prop.behind)
        out["side"] = "front";
    if (prop.height != 0)
        out["height"] = numberJson(prop.height);
    if (prop.offsetX != 0)
        out["offset_x"] = numberJson(prop.offsetX);
    if (prop.anchor)
        out["anchor"] = Json::array({numberJson(prop.anchor->x), numberJson(prop.anchor->y)});
    if (prop.startOnly)
        out["start_only"] = true;
    if (prop.armrests)
        out["armrests"] = true;
    return out;
}

} // namespace

namespace detail {

std::optional<core::FigureSpec> readFigureBody(JsonReader& r, const Json& root, const std::string& path)
{
    const std::size_t before = r.problems().size();
    core::FigureSpec spec;
    std::optional<core::BasePose> start;
    if (r.require(root, path, "start"))
        start = readFrame(r, root["start"], childPath(path, "start"), std::nullopt);
    std::optional<core::BasePose> end = start;
    if (root.contains("end") && start)
        end = readFrame(r, root["end"], childPath(path, "end"), start);
    if (start && end) {
        spec.view = start->view;
        spec.start = start->pose;
        spec.end = end->pose;
        if (end->view != start->view)
            r.problem(childPath(path, "end.base"),
                      "the end must be seen as the start is (from the side, the front or above): choose an "
                      "end base of the start's view");
    }
    if (root.contains("props") && r.expectArray(root["props"], childPath(path, "props")))
        for (std::size_t i = 0; i < root["props"].size(); ++i)
            if (auto prop = readProp(r, root["props"][i], indexPath(childPath(path, "props"), i)))
                spec.props.push_back(*prop);
    if (root.contains("highlight"))
        if (auto list = r.textList(root["highlight"], childPath(path, "highlight")))
            spec.highlight = *list;
    if (root.contains("arrow") && !root["arrow"].is_null())
        spec.arrow = readPoint(r, root["arrow"], childPath(path, "arrow"));
    if (root.contains("arrow_bend"))
        if (auto d = readNumber(r, root["arrow_bend"], childPath(path, "arrow_bend")))
            spec.arrowBend = std::clamp(*d, -1.0, 1.0);
    if (root.contains("planted"))
        spec.planted = readPoint(r, root["planted"], childPath(path, "planted"));
    if (root.contains("floor"))
        spec.floor = r.boolean(root["floor"], childPath(path, "floor")).value_or(true);
    if (root.contains("note"))
        (void)r.text(root["note"], childPath(path, "note"));
    if (r.problems().size() != before)
        return std::nullopt;
    return spec;
}

Json figureToJson(const core::FigureSpec& spec)
{
    Json out = Json::object();
    // The start frame names the base posture of its view it differs least from, then the joints
    // that differ; the end frame names what differs from the start. Read back, every value is
    // the same.
    std::string_view baseName;
    core::Pose basePose;
    std::size_t fewest = SIZE_MAX;
    for (std::string_view name : core::basePoseNames()) {
        const auto base = core::basePose(name);
        if (!base || base->view != spec.view)
            continue;
        if (const std::size_t n = changeCount(spec.start, base->pose); n < fewest) {
            fewest = n;
            baseName = name;
            basePose = base->pose;
        }
    }
    Json start = Json::object();
    start["base"] = std::string(baseName);
    writeFrameChanges(start, spec.start, basePose);
    out["start"] = std::move(start);
    Json end = Json::object();
    writeFrameChanges(end, spec.end, spec.start);
    out["end"] = std::move(end);
    if (!spec.props.empty()) {
        Json props = Json::array();
        for (const auto& prop : spec.props)
            props.push_back(propToJson(prop));
        out["props"] = std::move(props);
    }
    if (!spec.highlight.empty())
        out["highlight"] = spec.highlight;
    if (spec.arrow)
        out["arrow"] = std::string(core::bodyPointName(*spec.arrow));
    out["arrow_bend"] = numberJson(spec.arrowBend);
    if (spec.planted)
        out["planted"] = std::string(core::bodyPointName(*spec.planted));
    if (!spec.floor)
        out["floor"] = false;
    return out;
}

} // namespace detail

core::FigureSpec readFigure(std::string_view json, const std::string& label, std::string_view expectedId)
{
    JsonReader r;
    core::FigureSpec spec;
    auto prefixed = [&label](const std::vector<FieldProblem>& problems) {
        std::vector<FieldProblem> out;
        for (const auto& p : problems)
            out.push_back({label + ": " + p.path, label + ": " + p.message});
        return out;
    };
    Json root;
    try {
        root = detail::parseDocument(json);
    } catch (const InputError& e) {
        throw InputError(prefixed(e.problems()));
    }
    if (!r.expectObject(root, "")) {
        throw InputError(prefixed(r.problems()));
    }
    r.checkKeys(root, "", {"format", "exercise", "start", "end", "props", "highlight", "arrow", "arrow_bend", "planted", "floor", "note"});
    r.checkFormat(root, kFigureFormat, "a figure");
    std::string id;
    if (r.require(root, "", "exercise"))
        if (auto text = r.text(root["exercise"], "exercise")) {
            id = *text;
            if (!expectedId.empty() && id != expectedId)
                r.problem("exercise", "\"" + id + "\" does not match the file name (" + std::string(expectedId) + ")");
        }
    if (auto body = detail::readFigureBody(r, root, ""))
        spec = std::move(*body);
    spec.id = id;
    if (r.problems().empty())
        r.mergeUncovered(core::checkFigure(spec));
    if (!r.problems().empty())
        throw InputError(prefixed(r.problems()));
    return spec;
}

std::string writeFigure(const core::FigureSpec& spec)
{
    Json root = Json::object();
    root["format"] = kFigureFormat;
    root["exercise"] = spec.id;
    const Json body = detail::figureToJson(spec);
    for (const auto& [key, value] : body.items())
        root[key] = value;
    return detail::dumpDocument(root);
}

std::map<std::string, core::FigureSpec> readFigureDir(const std::filesystem::path& dir)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw Error("figure folder " + dir.string() + " does not exist");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            files.push_back(entry.path());
    if (ec)
        throw Error("cannot read the figure folder " + dir.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    std::map<std::string, core::FigureSpec> out;
    std::vector<FieldProblem> problems;
    for (const auto& file : files) {
        const std::string id = file.stem().string();
        const std::string label =
            (dir.parent_path().filename() / dir.filename() / file.filename()).generic_string();
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in) {
            problems.push_back({label, label + ": cannot be read (figure for exercise " + id + ")"});
            continue;
        }
        try {
            out.emplace(id, readFigure(text.str(), label, id));
        } catch (const InputError& e) {
            problems.insert(problems.end(), e.problems().begin(), e.problems().end());
        }
    }
    if (!problems.empty())
        throw InputError(problems);
    return out;
}

} // namespace hiprx::exchange
