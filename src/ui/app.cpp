#include "app.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/model_json.hpp"
#include "core/validation.hpp"
#include "imgui.h"
#include "platform/platform.hpp"
#include "ui/a11y.hpp"
#include "ui/theme.hpp"

namespace sipprep::ui {
namespace {

constexpr int kDraftVersion = 1;

const char* screen_name(Screen s) {
    switch (s) {
    case Screen::Start: return "start";
    case Screen::About: return "about";
    case Screen::Steps: return "steps";
    case Screen::Evaluation: return "evaluation";
    case Screen::Professional: return "professional";
    }
    return "start";
}

const char* step_name(StepId s) {
    switch (s) {
    case StepId::AboutYou: return "about_you";
    case StepId::Goal: return "goal";
    case StepId::FollowUp: return "follow_up";
    case StepId::Now: return "now";
    case StepId::Needs: return "needs";
    case StepId::Questions: return "questions";
    case StepId::Invite: return "invite";
    case StepId::Participation: return "participation";
    case StepId::Consent: return "consent";
    case StepId::Summary: return "summary";
    }
    return "about_you";
}

bool voices_filled(const Voices& v) { return !v.entries.empty(); }

}  // namespace

App::App() = default;

bool App::child() const { return is_child(prep_, today_) || mode_ == FillMode::GuardianOfChild; }

std::vector<StepId> App::steps() const {
    std::vector<StepId> s = {StepId::AboutYou, StepId::Goal};
    if (prep_.kind == PreparationKind::FollowUp) s.push_back(StepId::FollowUp);
    for (StepId x : {StepId::Now, StepId::Needs, StepId::Questions, StepId::Invite, StepId::Participation,
                     StepId::Consent, StepId::Summary})
        s.push_back(x);
    return s;
}

std::string App::step_title(StepId s) const {
    const std::string key = std::string("step.") + step_name(s) + (child() ? ".child" : "");
    return has_text(lang_, key) ? tr(lang_, key) : tr(lang_, std::string("step.") + step_name(s));
}

bool App::step_has_content(StepId s) const {
    const Preparation& p = prep_;
    switch (s) {
    case StepId::AboutYou: return !p.owner.name.empty() || !p.owner.personal_id.empty();
    case StepId::Goal: return voices_filled(p.goals.long_term) || !p.goals.short_term.empty();
    case StepId::FollowUp:
        return voices_filled(p.follow_up.how_it_went) || voices_filled(p.follow_up.what_changed) ||
               voices_filled(p.follow_up.efforts_done) || voices_filled(p.follow_up.efforts_helped) ||
               voices_filled(p.follow_up.other_needed);
    case StepId::Now:
        return voices_filled(p.situation.now) || voices_filled(p.situation.works_well) ||
               voices_filled(p.situation.strengths);
    case StepId::Needs:
        return std::any_of(p.needs.begin(), p.needs.end(), [](const AreaNeeds& n) {
            return voices_filled(n.can_do_myself) || voices_filled(n.need_help_with);
        });
    case StepId::Questions: return !p.questions.empty();
    case StepId::Invite: return !p.invitations.actors.empty();
    case StepId::Participation: return !p.participation.modes.empty();
    case StepId::Consent: return !p.consents.empty();
    case StepId::Summary: return false;
    }
    return false;
}

void App::go_to(Screen screen, std::optional<StepId> step) {
    if (screen != screen_ || (step && *step != step_)) {
        scroll_to_top_ = true;
        changed_ = true;
        notes_.clear();  // a step's notes belong to that step
    }
    screen_ = screen;
    if (step) step_ = *step;
}

void App::reset(PreparationKind kind) {
    prep_ = make_new_preparation();
    prep_.kind = kind;
    earlier_.reset();
    author_ = kPersonId;
    created_.clear();
    status_.clear();
    changed_ = true;
}

std::string App::field_error(const std::string& path) const {
    for (const Issue& i : issues_)
        if (i.severity == Severity::Error && i.path == path) return format_text(tr(lang_, "msg." + i.code), i.args);
    return {};
}

std::string App::new_id(const char* prefix) const {
    for (int n = 1;; ++n) {
        const std::string id = std::string(prefix) + "-" + std::to_string(n);
        bool used = false;
        for (const Contributor& c : prep_.contributors) used = used || c.id == id;
        for (const Representative& r : prep_.representatives) used = used || r.id == id;
        for (const Question& q : prep_.questions) used = used || q.id == id;
        for (const Invitee& a : prep_.invitations.actors) used = used || a.id == id;
        for (const Consent& c : prep_.consents) used = used || c.id == id;
        if (!used) return id;
    }
}

void App::frame(const Fonts& fonts) {
    issues_ = validate(prep_, today_);
    a11y().begin_frame();
    set_widget_fonts(fonts);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("##main", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_AlwaysVerticalScrollbar);
    if (scroll_to_top_) {
        ImGui::SetScrollY(0);
        scroll_to_top_ = false;
    }
    // A readable line length on wide screens, the whole width on phones.
    const float max_width = 760.0f * text_scale_;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float column = std::min(avail, max_width);
    if (avail > column) ImGui::Indent((avail - column) * 0.5f);
    set_column_right(ImGui::GetCursorPosX() + column);

    top_bar();
    banners();
    switch (screen_) {
    case Screen::Start: start_screen(); break;
    case Screen::About: about_screen(); break;
    case Screen::Evaluation: evaluation_screen(); break;
    case Screen::Professional: professional_screen(); break;
    case Screen::Steps:
        step_navigation();
        begin_group(Role::Group, "step", step_title(step_));
        switch (step_) {
        case StepId::AboutYou: step_about_you(); break;
        case StepId::Goal: step_goal(); break;
        case StepId::FollowUp: step_follow_up(); break;
        case StepId::Now: step_now(); break;
        case StepId::Needs: step_needs(); break;
        case StepId::Questions: step_questions(); break;
        case StepId::Invite: step_invite(); break;
        case StepId::Participation: step_participation(); break;
        case StepId::Consent: step_consent(); break;
        case StepId::Summary: step_summary(); break;
        }
        end_group();
        step_footer();
        break;
    }
    settings_panel();
    ImGui::Dummy(ImVec2(1, ImGui::GetTextLineHeight() * 2));
    ImGui::End();
    a11y().end_frame();
}

void App::top_bar() {
    heading(t("app.title"), 1);
    if (screen_ == Screen::Steps) {
        contributor_selector();
    } else {
        paragraph(t("app.subtitle"));
    }
    ImGui::Separator();
}

void App::banners() {
    if (storage_broken_) {
        begin_group(Role::Alert, "storage-banner", t("storage.failed.title"));
        error_text(t("storage.failed.title"));
        paragraph(trf(lang_, "storage.failed.text", {storage_problem_}));
        if (button(t("export.button"), "banner-export", ButtonStyle::Primary)) export_file();
        end_group();
        ImGui::Separator();
    }
    if (draft_unreadable_) {
        begin_group(Role::Alert, "draft-unreadable", t("storage.unreadable.title"));
        error_text(t("storage.unreadable.title"));
        paragraph(t("storage.unreadable.text"));
        if (button(t("open.dismiss"), "draft-unreadable-dismiss", ButtonStyle::Quiet)) draft_unreadable_ = false;
        end_group();
        ImGui::Separator();
    }
    if (!open_message_.empty() || !open_errors_.empty()) {
        begin_group(open_errors_.empty() ? Role::Status : Role::Alert, "open-result", t("open.result"));
        if (open_errors_.empty()) paragraph(open_message_);
        else error_text(open_message_);
        for (const std::string& e : open_errors_) paragraph("• " + e);
        if (button(t("open.dismiss"), "open-dismiss", ButtonStyle::Quiet)) {
            open_message_.clear();
            open_errors_.clear();
        }
        end_group();
        ImGui::Separator();
    }
}

void App::step_navigation() {
    const std::vector<StepId> all = steps();
    const auto at = std::find(all.begin(), all.end(), step_);
    const int index = static_cast<int>(at - all.begin());
    muted(trf(lang_, "nav.progress", {std::to_string(index + 1), std::to_string(all.size())}));
    // A progress bar drawn, the step list as navigation.
    const float w = column_avail();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = 6.0f * text_scale_;
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_Separator), h);
    dl->AddRectFilled(p, ImVec2(p.x + w * static_cast<float>(index + 1) / static_cast<float>(all.size()), p.y + h),
                      ImGui::ColorConvertFloat4ToU32(palette().progress), h);
    ImGui::Dummy(ImVec2(w, h));

    // On a phone the list of steps would fill the screen: it opens on request there.
    const bool narrow = w < 560.0f * text_scale_;
    if (narrow && button(nav_open_ ? t("nav.hide_all") : t("nav.show_all"), "nav-toggle", ButtonStyle::Quiet))
        nav_open_ = !nav_open_;
    begin_group(Role::Navigation, "steps", t("nav.steps"));
    float used = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const StepId s = all[i];
        std::string label = std::to_string(i + 1) + ". " + step_title(s);
        if (step_has_content(s)) label += " \u2713";
        const float bw = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2 +
                         ImGui::GetStyle().ItemSpacing.x;
        if (i > 0 && used + bw < w) ImGui::SameLine();
        else used = 0;
        used += bw;
        const bool current = s == step_;
        if (narrow && !nav_open_) continue;
        if (button(label, std::string("nav-") + step_name(s), current ? ButtonStyle::Primary : ButtonStyle::Quiet,
                   current ? t("nav.current") : std::string())) {
            go_to(Screen::Steps, s);
            nav_open_ = false;
        }
    }
    end_group();
    ImGui::Separator();
    heading(step_title(step_), 2);
}

void App::step_footer() {
    const std::vector<StepId> all = steps();
    const auto at = std::find(all.begin(), all.end(), step_);
    ImGui::Spacing();
    ImGui::Separator();
    if (at != all.begin()) {
        if (button(t("nav.previous"), "nav-prev")) go_to(Screen::Steps, *(at - 1));
        ImGui::SameLine();
    }
    if (at + 1 != all.end()) {
        if (button(t("nav.next"), "nav-next", ButtonStyle::Primary)) go_to(Screen::Steps, *(at + 1));
        ImGui::SameLine();
    }
    if (button(t("nav.start"), "nav-home", ButtonStyle::Quiet)) go_to(Screen::Start);
}

void App::settings_panel() {
    ImGui::Spacing();
    ImGui::Separator();
    begin_group(Role::Group, "settings", t("settings.title"));
    heading(t("settings.title"), 2);
    int lang = lang_ == Lang::En ? 1 : 0;
    if (radio_group(t("app.language"), "language", {tr(Lang::Sv, "lang.sv"), tr(Lang::En, "lang.en")}, &lang)) {
        lang_ = lang == 1 ? Lang::En : Lang::Sv;
        changed_ = true;
    }
    static const float scales[] = {1.0f, 1.25f, 1.5f, 1.75f, 2.0f};
    int scale = 0;
    for (int i = 0; i < 5; ++i)
        if (text_scale_ >= scales[i] - 0.01f) scale = i;
    if (radio_group(t("settings.text_size"), "text-size", {"100 %", "125 %", "150 %", "175 %", "200 %"}, &scale)) {
        text_scale_ = scales[scale];
        changed_ = true;
    }
    if (checkbox(t("settings.high_contrast"), "high-contrast", &high_contrast_)) changed_ = true;
    ImGui::Spacing();
    if (!confirm_erase_) {
        if (button(t("erase.button"), "erase", ButtonStyle::Danger, t("erase.help"))) confirm_erase_ = true;
    } else {
        begin_group(Role::Alert, "erase-confirm", t("erase.confirm"));
        paragraph(t("erase.confirm"));
        if (button(t("erase.yes"), "erase-yes", ButtonStyle::Danger)) {
            platform::clear_draft();
            reset(PreparationKind::NewPlan);
            has_draft_ = false;
            confirm_erase_ = false;
            go_to(Screen::Start);
            changed_ = false;  // nothing to save: the device is clean now
            status_ = t("erase.done");
            announce(status_);
        }
        ImGui::SameLine();
        if (button(t("erase.no"), "erase-no")) confirm_erase_ = false;
        end_group();
    }
    if (!status_.empty() && screen_ != Screen::Steps) paragraph(status_);
    end_group();
}

// ---- drafts ----

std::string App::draft_json() const {
    BundleMeta meta;
    meta.created = created_;
    meta.updated = now_utc_iso();
    meta.language = lang_;
    Json d;
    d["draft"] = kDraftVersion;
    d["ui"] = {{"screen", screen_name(screen_)},
               {"step", step_name(step_)},
               {"author", author_},
               {"mode", static_cast<int>(mode_)},
               {"text_scale", text_scale_},
               {"high_contrast", high_contrast_},
               {"created", created_}};
    d["bundle"] = Json::parse(export_bundle(prep_, meta));
    if (earlier_) d["earlier"] = Json::parse(export_bundle(*earlier_, BundleMeta{}));
    return d.dump();
}

bool App::take_draft(std::string* out) {
    if (!changed_) return false;
    changed_ = false;
    *out = draft_json();
    has_draft_ = true;
    return true;
}

void App::restore_draft(const std::string& text) {
    // A draft that cannot be read is kept aside, not overwritten by the next save.
    auto unreadable = [&] {
        draft_unreadable_ = true;
        platform::keep_unreadable_draft(text);
    };
    JsonIn d = JsonIn::parse(text, nullptr, false);
    if (!d.is_object() || !d.contains("bundle")) return unreadable();
    ImportResult r = import_bundle(d["bundle"].dump(), today_);
    if (!r.readable) return unreadable();
    prep_ = std::move(r.preparation);
    lang_ = r.meta.language;
    if (d.contains("earlier")) {
        ImportResult e = import_bundle(d["earlier"].dump(), today_);
        if (e.readable) earlier_ = std::move(e.preparation);
    }
    const JsonIn& ui = d["ui"];
    auto str = [&](const char* k) { return ui.contains(k) && ui[k].is_string() ? ui[k].get<std::string>() : std::string(); };
    for (Screen s : {Screen::Start, Screen::About, Screen::Steps, Screen::Evaluation, Screen::Professional})
        if (str("screen") == screen_name(s)) screen_ = s;
    for (StepId s : {StepId::AboutYou, StepId::Goal, StepId::FollowUp, StepId::Now, StepId::Needs, StepId::Questions,
                     StepId::Invite, StepId::Participation, StepId::Consent, StepId::Summary})
        if (str("step") == step_name(s)) step_ = s;
    const std::string author = str("author");
    for (const Contributor& c : prep_.contributors)
        if (c.id == author) author_ = author;
    if (ui.contains("mode") && ui["mode"].is_number_integer())
        mode_ = static_cast<FillMode>(std::clamp(ui["mode"].get<int>(), 0, 3));
    if (ui.contains("text_scale") && ui["text_scale"].is_number())
        text_scale_ = std::clamp(ui["text_scale"].get<float>(), 1.0f, 2.0f);
    if (ui.contains("high_contrast") && ui["high_contrast"].is_boolean()) high_contrast_ = ui["high_contrast"].get<bool>();
    created_ = str("created");
    has_draft_ = true;
    restored_ = true;
}

void App::open_file(const std::string& name, const std::string& text) {
    ImportResult r = import_bundle(text, today_);
    if (screen_ == Screen::Professional) {
        // The professional reads files; they never become the draft on this computer.
        opened_.push_back(Opened{name, std::move(r)});
        opened_index_ = static_cast<int>(opened_.size()) - 1;
        announce(trf(lang_, "pro.opened", {name}));
        return;
    }
    open_errors_.clear();
    if (!r.readable) {
        open_message_ = trf(lang_, "open.failed", {name});
        for (const Issue& i : r.issues) open_errors_.push_back(describe(i, lang_));
        announce(open_message_);
        return;
    }
    std::vector<std::string> errors;
    for (const Issue& i : r.issues)
        if (i.severity == Severity::Error) errors.push_back(describe(i, lang_));
    if (opening_earlier_) {
        earlier_ = std::move(r.preparation);
        opening_earlier_ = false;
        open_message_ = trf(lang_, "open.earlier_done", {name});
    } else {
        prep_ = std::move(r.preparation);
        created_ = r.meta.created;
        lang_ = r.meta.language;
        author_ = kPersonId;
        open_message_ = trf(lang_, "open.done", {name});
        go_to(Screen::Steps, StepId::AboutYou);
    }
    // Still read: the person can mend what is wrong. The problems are listed, not hidden.
    open_errors_ = std::move(errors);
    changed_ = true;
    announce(open_message_);
}

void App::storage_failed(const std::string& reason) {
    storage_broken_ = true;
    storage_problem_ = reason;
}

std::string App::state_json() const {
    Json j;
    j["screen"] = screen_name(screen_);
    j["step"] = step_name(step_);
    j["language"] = std::string(lang_code(lang_));
    j["author"] = author_;
    j["text_scale"] = text_scale_;
    j["high_contrast"] = high_contrast_;
    j["content"] = to_json(prep_);
    return j.dump();
}

}  // namespace sipprep::ui
