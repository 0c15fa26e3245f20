// The preparation's steps, each described once: its id, its name in drafts and keys, its title,
// the parts of the model it fills in, when it is shown, when it counts as started and the
// function that draws it. Everything that lists, names, orders or routes to steps looks here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "core/model.hpp"

namespace sipprep::ui {

enum class StepId {
    Contribution,
    AboutYou,
    Goal,
    FollowUp,
    Now,
    Needs,
    Questions,
    Invite,
    Participation,
    Consent,
    Summary
};

struct StepContext;

struct StepInfo {
    StepId id;
    const char* name;               // in drafts, tests and accessibility keys
    const char* title_key;          // catalog key; "<title_key>.child" is used for a child when it exists
    std::vector<std::string> owns;  // JSON pointers of the model parts filled in on this step
    bool (*shown)(const Preparation&);
    bool (*has_content)(const Preparation&);
    void (*draw)(StepContext&);
    // A key among the texts the web app fetches after it has started (tools/embed_catalogs.py): the
    // step shows "Hämtar texterna …" until they are here. Null: its texts are built in.
    const char* later_texts = nullptr;
};

// In the order the person goes through them.
const std::vector<StepInfo>& step_table();
const StepInfo& step_info(StepId id);
// The row of `id` in `table`, wherever it stands (step_info on the step table); null if none.
const StepInfo* find_step(const std::vector<StepInfo>& table, StepId id);
std::optional<StepId> step_from_name(std::string_view name);

// The steps of this preparation, in order (a follow-up has one more).
std::vector<StepId> steps_for(const Preparation& p);
// The step where the field at `path` (a JSON pointer from a rule) is filled in; none for what is
// written after the meeting (the agreement and the evaluation have a screen of their own).
// Only the steps `p` shows are considered (a relative's contribution fills in the owner's name on
// a step of its own).
std::optional<StepId> step_for_path(const std::string& path, const Preparation& p);
std::string step_title(StepId id, Lang lang, bool child);

// The draw functions, one file each in this folder.
void draw_about_you(StepContext& c);
void draw_goal(StepContext& c);
void draw_follow_up(StepContext& c);
void draw_contribution(StepContext& c);
void draw_now(StepContext& c);
void draw_needs(StepContext& c);
void draw_questions(StepContext& c);
void draw_invite(StepContext& c);
void draw_participation(StepContext& c);
void draw_consent(StepContext& c);
void draw_summary(StepContext& c);
// Not a step: the screen after the meeting (App::evaluation_screen) draws it.
void draw_after_meeting(StepContext& c);

}  // namespace sipprep::ui
