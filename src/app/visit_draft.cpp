// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/visit_draft.h"

#include "core/vocabulary.h"
#include "exchange/json_format.h"

#include <nlohmann/json.hpp>

namespace hiprx::app {

namespace {

constexpr const char* kDraftFormat = "hiprx-visit-draft/1";

/// hiprx-program/1 refuses invalid doses and sides, but a draft must keep a half-typed dose: the
/// program goes in with each invalid item made valid, and every item's side and dose as typed beside it.
core::Program storable(core::Program program)
{
    for (auto& item : program.items) {
        core::Program one;
        one.items = {item};
        if (core::validateProgram(one).empty())
            continue;
        one.items[0].dose = core::Dose{};
        for (auto side : {item.side, core::ExerciseSide::Both, core::ExerciseSide::None}) {
            one.items[0].side = side;
            if (core::validateProgram(one).empty())
                break;
        }
        item.side = one.items[0].side;
        item.dose = one.items[0].dose;
    }
    return program;
}

} // namespace

std::string encodeVisitDraft(const VisitDraft& draft)
{
    nlohmann::json root = nlohmann::json::object();
    root["format"] = kDraftFormat;
    if (draft.formText)
        root["form"] = *draft.formText;
    if (draft.program) {
        root["program"] = nlohmann::json::parse(exchange::writeProgram(storable(*draft.program)));
        nlohmann::json typed = nlohmann::json::array();
        for (const auto& item : draft.program->items)
            typed.push_back({{"side", std::string(core::toId(item.side))},
                             {"sets", item.dose.sets},
                             {"reps", item.dose.reps},
                             {"hold_s", item.dose.holdS},
                             {"rest_s", item.dose.restS},
                             {"per_day", item.dose.perDay},
                             {"days_per_week", item.dose.daysPerWeek},
                             {"load", item.dose.load},
                             {"notes", item.dose.notes}});
        root["as_typed"] = std::move(typed);
        root["program_saved"] = draft.programSaved;
        root["origin"] = draft.origin;
    }
    return root.dump();
}

VisitDraft decodeVisitDraft(const std::string& text, std::string* problem)
{
    VisitDraft draft;
    const auto root = nlohmann::json::parse(text, nullptr, false);
    if (root.is_discarded() || !root.is_object() || root.value("format", "") != kDraftFormat) {
        draft.formText = text; // a draft from before programs were drafted: the form's own text
        return draft;
    }
    if (const auto form = root.find("form"); form != root.end() && form->is_string())
        draft.formText = form->get<std::string>();
    if (const auto program = root.find("program"); program != root.end() && program->is_object()) {
        try {
            core::Program read = exchange::readProgram(program->dump());
            const auto typed = root.find("as_typed");
            if (typed != root.end() && typed->is_array() && typed->size() == read.items.size())
                for (std::size_t i = 0; i < read.items.size(); ++i) {
                    const auto& t = (*typed)[i];
                    auto& item = read.items[i];
                    item.side = core::fromId<core::ExerciseSide>(t.value("side", "")).value_or(item.side);
                    item.dose.sets = t.value("sets", item.dose.sets);
                    item.dose.reps = t.value("reps", item.dose.reps);
                    item.dose.holdS = t.value("hold_s", item.dose.holdS);
                    item.dose.restS = t.value("rest_s", item.dose.restS);
                    item.dose.perDay = t.value("per_day", item.dose.perDay);
                    item.dose.daysPerWeek = t.value("days_per_week", item.dose.daysPerWeek);
                    item.dose.load = t.value("load", item.dose.load);
                    item.dose.notes = t.value("notes", item.dose.notes);
                }
            draft.program = std::move(read);
            draft.programSaved = root.value("program_saved", false);
            draft.origin = root.value("origin", "");
        } catch (const std::exception& e) {
            if (problem)
                *problem = e.what();
        }
    }
    return draft;
}

} // namespace hiprx::app
