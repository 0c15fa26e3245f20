#include "draft.hpp"

#include <algorithm>

#include "base/json_parse.hpp"
#include "base/utf8.hpp"
#include "core/bundle.hpp"
#include "core/canonical.hpp"
#include "core/clock.hpp"
#include "core/model_json.hpp"

namespace sipprep::ui {
namespace {
constexpr int kDraftVersion = 1;
}

std::string write_draft(const Preparation& prep, const Preparation* earlier, Lang lang, const DraftPlace& place) {
    BundleMeta meta;
    meta.created = place.created;
    meta.updated = now_utc_iso();
    meta.language = lang;
    Json d;
    d["draft"] = kDraftVersion;
    d["ui"] = {{"screen", place.screen},           {"step", place.step},
               {"author", place.author},           {"mode", place.mode},
               {"text_scale", place.text_scale},   {"high_contrast", place.high_contrast},
               {"speech_rate", place.speech_rate}, {"network_voice", place.network_voice},
               {"created", place.created},         {"saved_sha", place.saved_sha}};
    if (!place.unadded.empty())
        d["ui"]["unadded"] = {{"question", place.unadded.question},
                              {"writer_name", place.unadded.writer_name},
                              {"writer_relation", place.unadded.writer_relation}};
    // No checksums: they prove a file unchanged to whoever receives it, the draft is given to no
    // one, and reading it never looked at them. They were 60 % of a save at 1 000 questions.
    d["bundle"] = bundle_without_checksums(prep, meta);
    if (earlier) d["earlier"] = bundle_without_checksums(*earlier, BundleMeta{});
    // The tree's compact text, several times faster than its dump (tests/core/canonical_test.cpp).
    return canonical_text(d);
}

std::optional<Draft> read_draft(const std::string& text, const Date& today) {
    JsonIn d;
    if (!parse_json(text, &d) || !d.is_object() || !d.contains("bundle")) return std::nullopt;
    ImportResult r = import_document(std::move(d["bundle"]), today, Limits::Report);
    if (!r.readable) return std::nullopt;
    Draft out;
    out.prep = std::move(r.preparation);
    out.lang = r.meta.language;
    out.updated = r.meta.updated;
    if (d.contains("earlier")) {
        ImportResult e = import_document(std::move(d["earlier"]), today, Limits::Report);
        if (e.readable) out.earlier = std::move(e.preparation);
    }
    const JsonIn& ui = d["ui"];
    auto str = [&](const char* k) {
        return ui.is_object() && ui.contains(k) && ui[k].is_string() ? ui[k].get<std::string>() : std::string();
    };
    DraftPlace& p = out.place;
    p.screen = str("screen");
    p.step = str("step");
    p.author = str("author");
    p.created = str("created");
    p.saved_sha = str("saved_sha");
    if (ui.is_object()) {
        if (ui.contains("mode") && ui["mode"].is_number_integer()) p.mode = std::clamp(ui["mode"].get<int>(), 0, 3);
        if (ui.contains("text_scale") && ui["text_scale"].is_number())
            p.text_scale = std::clamp(ui["text_scale"].get<float>(), 1.0f, 2.0f);
        if (ui.contains("speech_rate") && ui["speech_rate"].is_number())
            p.speech_rate = std::clamp(ui["speech_rate"].get<float>(), 0.5f, 2.0f);
        if (ui.contains("network_voice") && ui["network_voice"].is_boolean())
            p.network_voice = ui["network_voice"].get<bool>();
        if (ui.contains("high_contrast") && ui["high_contrast"].is_boolean())
            p.high_contrast = ui["high_contrast"].get<bool>();
        if (ui.contains("unadded") && ui["unadded"].is_object()) {
            const JsonIn& u = ui["unadded"];
            // As the page's text comes in: well-formed, without control characters (App::dom_text).
            auto text = [&](const char* k) {
                if (!u.contains(k) || !u[k].is_string()) return std::string();
                int caret = 0;  // no caret here
                return without_control_characters(sanitize_utf8(u[k].get<std::string>()), &caret, &caret);
            };
            p.unadded = {text("question"), text("writer_name"), text("writer_relation")};
        }
    }
    return out;
}

}  // namespace sipprep::ui
