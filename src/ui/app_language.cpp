// The language menu and the languages whose texts are fetched when chosen (core/i18n.hpp): the
// web app has Swedish built in; any other language's catalog arrives from the host, and until
// it has, the app stays in the language it shows.
#include <algorithm>
#include <utility>

#include "base/json_parse.hpp"
#include "core/model_json.hpp"
#include "ui/app.hpp"
#include "ui/bidi_shaper.hpp"

namespace sipprep::ui {
namespace {

// Each language in its own name, as the Swedish catalog (always here) has it.
std::string own_name(Lang lang) { return tr(Lang::Sv, "lang." + std::string(lang_code(lang))); }

// "العربية" as it is drawn: its joining forms in drawing order (left to right). The base font has
// just these glyphs, so that an Arabic reader can find their language on a Swedish page before
// the shaper and the Arabic glyphs have been loaded (they are, only once Arabic is chosen).
constexpr const char* kArabicDrawn = "\uFE94\uFEF4\uFE91\uFEAE\uFECC\uFEDF\uFE8D";

// The name as drawn: pre-shaped while the shaper is not there, else the text itself.
std::string drawn_name(Lang lang) {
    return lang == Lang::Ar && bidi_shaper::generation() == 0 ? kArabicDrawn : own_name(lang);
}

}  // namespace

void App::language_choice() {
    const std::vector<Lang> langs = built_langs();
    const Lang shown = settings_.fetching.value_or(settings_.lang);
    std::vector<std::string> names, spoken;
    int chosen = 0;
    for (Lang lang : langs) {
        if (lang == shown) chosen = static_cast<int>(names.size());
        // Said in the language of the page: the person reading it may not read that language.
        const std::string note = lang_reviewed(lang) ? std::string() : " " + t("lang.unreviewed");
        names.push_back(drawn_name(lang) + note);
        spoken.push_back(own_name(lang) + note);
    }
    if (radio_group(t("app.language"), "language", names, &chosen, {}, spoken))
        choose_language(langs[static_cast<std::size_t>(chosen)]);
    if (settings_.fetching) {
        Group group(Role::Status, "language-loading", std::string());
        muted(trf(settings_.lang, "lang.loading", {own_name(*settings_.fetching)}));
    }
    if (!settings_.lang_problem.empty()) {
        Group group(Role::Alert, "language-problem", std::string());
        error_text(settings_.lang_problem);
    }
}

void App::fetch_later_texts() {
    if (has_text(Lang::Sv, "form.title") || settings_.later_texts == Settings::LaterTexts::Fetching) return;
    settings_.later_texts = Settings::LaterTexts::Fetching;
    host_.load_language(std::string(lang_code(Lang::Sv)));
}

// Chosen on this computer before: over the browser's preferences, under a stored readable draft's.
void App::remembered_display(const std::string& json) {
    settings_.display_start = display();
    Json j;
    if (json.empty() || !parse_json(json, &j) || !j.is_object()) return;
    if (j.contains("text_scale") && j["text_scale"].is_number())
        settings_.text_scale = std::clamp(j["text_scale"].get<float>(), 1.0f, 2.0f);
    if (j.contains("high_contrast") && j["high_contrast"].is_boolean())
        settings_.high_contrast = j["high_contrast"].get<bool>();
    Lang lang;
    if (j.contains("lang") && j["lang"].is_string() && lang_from_code(j["lang"].get<std::string>(), &lang))
        follow_language(lang);
    settings_.remembered = display();
}

Settings::Display App::display() const { return {settings_.draft_lang, settings_.text_scale, settings_.high_contrast}; }

// After each frame: the display choices, when they changed, kept on this computer.
void App::remember_display() {
    const Settings::Display now = display();
    if (now == settings_.remembered) return;
    if (!settings_.remembered) {
        // Nothing kept yet: only a choice other than what the app started with is worth keeping.
        if (!settings_.display_start) settings_.display_start = now;
        if (now == settings_.display_start) return;
    }
    settings_.remembered = now;
    Json j;
    j["lang"] = std::string(lang_code(now.lang));
    j["text_scale"] = now.text_scale;
    j["high_contrast"] = now.high_contrast;
    host_.remember_display(j.dump());
}

void App::choose_language(Lang lang) {
    settings_.lang_problem.clear();
    if (!lang_loaded(lang)) {
        if (settings_.fetching == lang) return;
        settings_.fetching = lang;
        host_.load_language(std::string(lang_code(lang)));
        return;
    }
    settings_.fetching.reset();
    if (lang == settings_.lang && lang == settings_.draft_lang) return;
    settings_.lang = settings_.draft_lang = lang;
    language_chosen();  // the words written from now on carry its tag
    keep_language_with_draft();
}

// The stored draft keeps the language it is written in, and it wins over this computer's setting
// at the next start: a language chosen while writing is saved with the draft, also when no word
// changed with it (Lätt svenska tags words "sv", as Swedish does: nothing else would save it).
void App::keep_language_with_draft() {
    if (screen_ == Screen::Steps && storage_.has_draft) host_.draft_changed();
}

void App::follow_language(Lang lang) {
    settings_.draft_lang = lang;
    if (lang_loaded(lang)) {
        settings_.lang = lang;
        settings_.fetching.reset();
    } else {
        choose_language(lang);
    }
}

void App::language_loaded(const std::string& code, const std::string& file) {
    Lang lang;
    if (!lang_from_code(code, &lang)) return;
    const std::string problem = load_catalog(lang, file);
    if (lang == Lang::Sv) {  // the whole Swedish catalog: "Om SIP", the consent form
        settings_.later_texts = problem.empty() ? Settings::LaterTexts::Here : Settings::LaterTexts::Failed;
        // Fetched while the start screen shows, they change nothing on it: no frame.
        if (std::exchange(settings_.later_texts_waited, false)) host_.request_frames(3);
        if (problem.empty())
            read_held_files();
        else
            held_files_wait();
        return;
    }
    if (settings_.fetching != lang) return;  // another language was chosen meanwhile
    settings_.fetching.reset();
    host_.request_frames(3);  // every text's width changes: the frames that settle the layout
    if (!problem.empty()) {
        settings_.lang_problem = trf(settings_.lang, problem, {own_name(lang)});
        a11y_.announce(settings_.lang_problem);
        return;
    }
    settings_.lang = lang;
    if (settings_.draft_lang != lang) {  // chosen now, not asked for by the stored draft
        settings_.draft_lang = lang;
        language_chosen();
        keep_language_with_draft();
    }
}

void App::language_failed(const std::string& code) {
    Lang lang;
    if (lang_from_code(code, &lang) && lang == Lang::Sv) {
        settings_.later_texts = Settings::LaterTexts::Failed;
        if (std::exchange(settings_.later_texts_waited, false)) host_.request_frames(3);
        held_files_wait();
        return;
    }
    if (!lang_from_code(code, &lang) || settings_.fetching != lang) return;
    settings_.fetching.reset();
    settings_.lang_problem = trf(settings_.lang, "lang.failed", {own_name(lang)});
    a11y_.announce(settings_.lang_problem);
    host_.request_frames(1);
}

}  // namespace sipprep::ui
