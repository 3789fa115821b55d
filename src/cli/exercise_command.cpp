// SPDX-License-Identifier: GPL-3.0-or-later
//
// `exercise add|edit|list|export|import|retire`: the clinic's own exercises. Files are
// hiprx-clinic-exercises/1 (exchange/clinic_exercise_json.h) with the picture embedded, so an export
// imported into another database gives back the same exercises and the same picture bytes. Every
// check runs before anything is saved, and a file is saved whole or not at all.
#include "cli/clinic_context.h"
#include "cli/commands.h"
#include "cli/text_table.h"

#include "core/error.h"
#include "exchange/clinic_exercise_json.h"
#include "render/picture.h"
#include "store/repositories.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace hiprx::cli {

namespace {

struct ExerciseArgs {
    std::string file;
    std::string picture;
    bool noPicture = false;
    std::string out = "-";
    std::vector<std::string> ids;
    std::string id;
    bool undo = false;
};

/// A picture file, read only when it is an ordinary file of a size HipRx takes.
core::ExercisePicture readPicture(const std::string& path)
{
    const std::string field = "--picture";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw InputError(field, field + ": " + path + " is not a file that can be read");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > render::PictureFileLimits::kMaxFileBytes)
        throw InputError(field, field + ": " + path + " is larger than " +
                                    std::to_string(render::PictureFileLimits::kMaxFileBytes / (1024 * 1024)) +
                                    " MB; make the picture smaller first");
    const std::string bytes = readTextFile(path, field);
    return render::preparePicture(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), field);
}

/// The exercises of FILE, each picture checked to decode, and every problem the store would find;
/// throws InputError with all of them at once.
std::vector<core::ClinicExercise> readChecked(store::ExerciseRepository& exercises, const std::string& file)
{
    std::vector<core::ClinicExercise> list = exchange::readClinicExercises(readTextFile(file, "FILE"));
    std::vector<FieldProblem> problems;
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].picture)
            for (FieldProblem& p : render::checkPicture(*list[i].picture, "exercises[" + std::to_string(i) + "].picture"))
                problems.push_back(std::move(p));
    for (FieldProblem& p : exercises.problemsWith(list))
        problems.push_back(std::move(p));
    if (!problems.empty())
        throw InputError(std::move(problems));
    return list;
}

/// The one exercise of an add or edit file.
core::ClinicExercise onlyExercise(std::vector<core::ClinicExercise> list, const std::string& command)
{
    if (list.size() != 1)
        throw InputError("exercises", "exercises: the file holds " + std::to_string(list.size()) + " exercises; " +
                                          command + " takes one (use: hiprx-cli exercise import for several)");
    return std::move(list.front());
}

std::string levelWords(int level)
{
    return level > 0 ? std::to_string(level) + " of " + std::to_string(core::kExerciseLevelRange.max) : "not set";
}

void runAddOrEdit(const CommonOptions& common, const ExerciseArgs& args, bool edit)
{
    const std::string command = edit ? "edit" : "add";
    std::optional<core::ExercisePicture> picture;
    if (!args.picture.empty())
        picture = readPicture(args.picture); // checked before the database is opened
    auto db = openDatabase(common);
    store::ExerciseRepository exercises(db);
    core::ClinicExercise exercise = onlyExercise(exchange::readClinicExercises(readTextFile(args.file, "FILE")), command);
    const std::string& id = exercise.exercise.id;
    const auto stored = exercises.findClinicExercise(id);
    if (edit && !stored)
        throw InputError("exercises[0].id", "exercises[0].id: there is no clinic exercise " + id +
                                                " to edit (see: hiprx-cli exercise list; add it with exercise add)");
    if (!edit && stored)
        throw InputError("exercises[0].id", "exercises[0].id: " + id + " is already one of the clinic's exercises (" +
                                                stored->exercise.name + "); change it with: hiprx-cli exercise edit");
    if (picture) {
        exercise.picture = std::move(picture);
        exercise.figure.reset(); // a picture takes the place of an own figure
    } else if (args.noPicture) {
        exercise.picture.reset();
    } else if (edit && !exercise.picture && !exercise.figure) {
        // An edit keeps what the card showed unless the file gives another picture or figure.
        exercise.picture = stored->picture;
        exercise.figure = stored->figure;
    }
    if (edit) {
        exercise.retired = stored->retired; // retiring is its own command
        if (!exercise.picture && stored->picture && exercise.exercise.figureId == id)
            exercise.exercise.figureId.clear(); // the picture was its figure
    }

    std::vector<FieldProblem> problems;
    if (exercise.picture && args.picture.empty())
        problems = render::checkPicture(*exercise.picture, "exercises[0].picture");
    for (FieldProblem& p : exercises.problemsWith({exercise}))
        problems.push_back(std::move(p));
    if (!problems.empty())
        throw InputError(std::move(problems));
    exercises.saveClinicExercises({exercise}, actorOf(common));
    std::cout << (edit ? "Changed " : "Added ") << exercise.exercise.name << " (" << id << ")"
              << (exercise.picture ? ", with its picture" : exercise.figure ? ", with its own figure" : "") << ".\n";
}

void runList(const CommonOptions& common)
{
    auto db = openDatabase(common);
    const auto list = store::ExerciseRepository(db).clinicExercises();
    if (common.json) {
        auto out = nlohmann::json::array();
        for (const auto& c : list)
            out.push_back({{"id", c.exercise.id},
                           {"name", c.exercise.name},
                           {"kind", core::toId(c.exercise.kind)},
                           {"level", c.exercise.level},
                           {"picture", c.picture.has_value()},
                           {"own_figure", c.figure.has_value()},
                           {"video", !c.exercise.videoUrl.empty()},
                           {"retired", c.retired}});
        std::cout << out.dump(2) << '\n';
        return;
    }
    if (list.empty()) {
        std::cout << "The clinic has no exercises of its own yet (add one with: hiprx-cli exercise add FILE).\n";
        return;
    }
    TextTable table({"ID", "NAME", "KIND", "LEVEL", "PICTURE", "STATUS"});
    std::size_t retired = 0;
    for (const auto& c : list) {
        retired += c.retired ? 1 : 0;
        table.addRow({c.exercise.id, c.exercise.name, std::string(core::label(c.exercise.kind)),
                      levelWords(c.exercise.level),
                      c.picture ? "photo or drawing" : c.figure ? "own figure" : "built-in figure or none",
                      c.retired ? "retired (kept for past programs)" : "offered"});
    }
    table.print(std::cout);
    std::cout << list.size() << (list.size() == 1 ? " exercise" : " exercises") << " of the clinic's own";
    if (retired > 0)
        std::cout << ", " << retired << " retired";
    std::cout << ".\n";
}

void runExport(const CommonOptions& common, const ExerciseArgs& args)
{
    auto db = openDatabase(common);
    std::vector<core::ClinicExercise> list = store::ExerciseRepository(db).clinicExercises();
    if (!args.ids.empty()) {
        std::vector<core::ClinicExercise> chosen;
        std::vector<FieldProblem> problems;
        for (std::size_t i = 0; i < args.ids.size(); ++i) {
            const auto found = std::find_if(list.begin(), list.end(),
                                            [&](const core::ClinicExercise& c) { return c.exercise.id == args.ids[i]; });
            if (found == list.end())
                problems.push_back({"ID", "ID: there is no clinic exercise " + args.ids[i] +
                                              " (see: hiprx-cli exercise list)"});
            else
                chosen.push_back(*found);
        }
        if (!problems.empty())
            throw InputError(std::move(problems));
        list = std::move(chosen);
    }
    writeTextFile(args.out, exchange::writeClinicExercises(list));
    if (args.out != "-")
        std::cout << "Wrote " << list.size() << (list.size() == 1 ? " exercise" : " exercises") << " to " << args.out
                  << ".\n";
}

void runImport(const CommonOptions& common, const ExerciseArgs& args)
{
    auto db = openDatabase(common);
    store::ExerciseRepository exercises(db);
    const std::vector<core::ClinicExercise> list = readChecked(exercises, args.file);
    const std::size_t added = exercises.saveClinicExercises(list, actorOf(common));
    std::cout << "Imported " << list.size() << (list.size() == 1 ? " exercise" : " exercises") << ": " << added
              << " new, " << list.size() - added << " replaced.\n";
}

void runRetire(const CommonOptions& common, const ExerciseArgs& args)
{
    auto db = openDatabase(common);
    store::ExerciseRepository exercises(db);
    const auto stored = exercises.findClinicExercise(args.id);
    if (!stored) {
        const bool builtin = exercises.load().find(args.id) != nullptr;
        throw InputError("ID", "ID: " + args.id +
                                   (builtin ? " is a built-in exercise; only the clinic's own can be retired"
                                            : " is not one of the clinic's exercises (see: hiprx-cli exercise list)"));
    }
    exercises.setRetired(args.id, !args.undo, actorOf(common));
    if (args.undo)
        std::cout << stored->exercise.name << " is offered again.\n";
    else
        std::cout << stored->exercise.name << " is retired: no longer offered for new programs; programs that "
                  << "used it keep it as they were given.\n";
}

} // namespace

void addExerciseCommands(CLI::App& app, CommonOptions& common)
{
    auto* exercise = app.add_subcommand("exercise", "The clinic's own exercises: add, edit, list, export, import, retire");
    exercise->require_subcommand(1);
    auto args = std::make_shared<ExerciseArgs>();

    auto* add = exercise->add_subcommand("add", "Add an exercise from a hiprx-clinic-exercises/1 file holding one");
    add->add_option("FILE", args->file, "the exercise (JSON)")->required();
    add->add_option("--picture", args->picture, "a PNG or JPEG shown on the card in place of a figure");
    add->callback([&common, args] { runAddOrEdit(common, *args, false); });

    auto* edit = exercise->add_subcommand("edit", "Replace one of the clinic's exercises (same id) from a file");
    edit->add_option("FILE", args->file, "the exercise (JSON)")->required();
    auto* picture = edit->add_option("--picture", args->picture, "a new picture (PNG or JPEG)");
    edit->add_flag("--no-picture", args->noPicture, "take the picture away")->excludes(picture);
    edit->callback([&common, args] { runAddOrEdit(common, *args, true); });

    auto* list = exercise->add_subcommand("list", "List the clinic's exercises, retired ones too");
    list->callback([&common] { runList(common); });

    auto* exportCmd = exercise->add_subcommand("export", "Write the clinic's exercises, pictures included, to a file");
    exportCmd->add_option("ID", args->ids, "only these exercises (default: all, retired ones too)");
    exportCmd->add_option("-o,--out", args->out, "the file to write (default: standard output)");
    exportCmd->callback([&common, args] { runExport(common, *args); });

    auto* importCmd = exercise->add_subcommand(
        "import", "Add or replace the exercises of an exported file: all of them, or none if anything is wrong");
    importCmd->add_option("FILE", args->file, "hiprx-clinic-exercises/1 file")->required();
    importCmd->callback([&common, args] { runImport(common, *args); });

    auto* retire = exercise->add_subcommand(
        "retire", "Stop offering one of the clinic's exercises (programs that used it keep it)");
    retire->add_option("ID", args->id, "the exercise's id (see: hiprx-cli exercise list)")->required();
    retire->add_flag("--undo", args->undo, "offer it again");
    retire->callback([&common, args] { runRetire(common, *args); });
}

} // namespace hiprx::cli
