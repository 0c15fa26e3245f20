#include "step_table.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/fields.hpp"
#include "core/sections.hpp"

namespace sipprep::ui {
namespace {

bool always(const Preparation&) { return true; }
// The plan's own steps; a relative's contribution has a step of its own instead.
bool plan(const Preparation& p) { return p.kind != PreparationKind::Contribution; }
bool contribution(const Preparation& p) { return p.kind == PreparationKind::Contribution; }
bool never(const Preparation&) { return false; }

std::vector<StepInfo> make_table() {
    using P = Preparation;
    return {
        {StepId::Contribution,
         "contribution",
         "step.contribution",
         {content_path(&P::contributors), content_path(&P::owner)},
         contribution,
         [](const P& p) { return p.contributors.size() > 1 && !p.contributors.back().name.empty(); },
         draw_contribution},
        {StepId::AboutYou,
         "about_you",
         "step.about_you",
         {content_path(&P::owner), content_path(&P::representatives), content_path(&P::contributors),
          content_path(&P::need_noticed), content_path(&P::reason)},
         plan,
         [](const P& p) { return !p.owner.name.empty() || !p.owner.personal_id.empty(); },
         draw_about_you},
        {StepId::Goal,
         "goal",
         "step.goal",
         {content_path(&P::goals)},
         plan,
         [](const P& p) { return has_content(p, SectionId::Goals); },
         draw_goal},
        {StepId::FollowUp,
         "follow_up",
         "step.follow_up",
         {content_path(&P::follow_up)},
         [](const P& p) { return p.kind == PreparationKind::FollowUp; },
         [](const P& p) { return has_content(p, SectionId::FollowUp); },
         draw_follow_up},
        {StepId::Now,
         "now",
         "step.now",
         {content_path(&P::situation), content_path(&P::can_help)},
         plan,
         [](const P& p) { return has_content(p, SectionId::Situation); },
         draw_now},
        {StepId::Needs,
         "needs",
         "step.needs",
         {content_path(&P::needs)},
         plan,
         [](const P& p) { return has_content(p, SectionId::Needs); },
         draw_needs,
         "needs.intro"},
        {StepId::Questions,
         "questions",
         "step.questions",
         {content_path(&P::questions)},
         plan,
         [](const P& p) { return has_content(p, SectionId::Questions); },
         draw_questions},
        {StepId::Invite,
         "invite",
         "step.invite",
         {content_path(&P::invitations)},
         plan,
         [](const P& p) { return has_content(p, SectionId::Invitations); },
         draw_invite,
         "invite.intro"},
        {StepId::Participation,
         "participation",
         "step.participation",
         {content_path(&P::participation)},
         plan,
         [](const P& p) { return has_content(p, SectionId::Participation); },
         draw_participation,
         "participation.intro"},
        {StepId::Consent,
         "consent",
         "step.consent",
         {content_path(&P::consents), content_path(&P::sip_consent), content_path(&P::child_consent_view)},
         plan,
         [](const P& p) { return has_content(p, SectionId::Consents); },
         draw_consent,
         "consent.revocable"},
        {StepId::Summary, "summary", "step.summary", {}, always, never, draw_summary},
    };
}

}  // namespace

const std::vector<StepInfo>& step_table() {
    static const std::vector<StepInfo> table = make_table();
    return table;
}

// Looked up by id, not by position: the table's order is the person's order, the enum's is not
// bound to it.
const StepInfo* find_step(const std::vector<StepInfo>& table, StepId id) {
    const auto it = std::find_if(table.begin(), table.end(), [id](const StepInfo& s) { return s.id == id; });
    return it == table.end() ? nullptr : &*it;
}

const StepInfo& step_info(StepId id) {
    const StepInfo* s = find_step(step_table(), id);
    if (!s) std::abort();  // a StepId without a row: a programming error
    return *s;
}

std::optional<StepId> step_from_name(std::string_view name) {
    for (const StepInfo& s : step_table())
        if (name == s.name) return s.id;
    return std::nullopt;
}

std::vector<StepId> steps_for(const Preparation& p) {
    std::vector<StepId> out;
    for (const StepInfo& s : step_table())
        if (s.shown(p)) out.push_back(s.id);
    return out;
}

std::optional<StepId> step_for_path(const std::string& path, const Preparation& p) {
    for (const std::string& after : {content_path(&Preparation::agreed), content_path(&Preparation::evaluation)})
        if (path.compare(0, after.size(), after) == 0 && (path.size() == after.size() || path[after.size()] == '/'))
            return std::nullopt;
    StepId best = StepId::Summary;
    std::size_t best_length = 0;
    for (const StepInfo& s : step_table()) {
        if (!s.shown(p)) continue;
        for (const std::string& owned : s.owns)
            if (owned.size() > best_length && path.compare(0, owned.size(), owned) == 0 &&
                (path.size() == owned.size() || path[owned.size()] == '/')) {
                best = s.id;
                best_length = owned.size();
            }
    }
    // What no shown step owns is filled in on the first one.
    return best_length > 0 ? best : steps_for(p).front();
}

std::string step_title(StepId id, Lang lang, bool child) {
    const StepInfo& s = step_info(id);
    if (child) {
        const std::string key = std::string(s.title_key) + ".child";
        if (has_text(lang, key)) return tr(lang, key);
    }
    return tr(lang, s.title_key);
}

}  // namespace sipprep::ui
