// The draft is written by the canonical writer (src/ui/draft.cpp): byte for byte what nlohmann
// dumps the same tree to, for random drafts, and read back to the same preparation.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../core/random_preparation.hpp"
#include "core/bundle.hpp"
#include "core/model_json.hpp"
#include "ui/draft.hpp"

using namespace sipprep;

namespace {

// The draft as nlohmann dumped it before (the checksums since left out).
std::string draft_by_tree(const Preparation& prep, const Preparation* earlier, Lang lang, const ui::DraftPlace& place,
                          const std::string& updated) {
    BundleMeta meta;
    meta.created = place.created;
    meta.updated = updated;
    meta.language = lang;
    nlohmann::json d;
    d["draft"] = 1;
    d["ui"] = {{"screen", place.screen},           {"step", place.step},
               {"author", place.author},           {"mode", place.mode},
               {"text_scale", place.text_scale},   {"high_contrast", place.high_contrast},
               {"speech_rate", place.speech_rate}, {"network_voice", place.network_voice},
               {"created", place.created},         {"saved_sha", place.saved_sha}};
    d["bundle"] = bundle_document(prep, meta);
    d["bundle"].erase("integrity");
    if (earlier) {
        d["earlier"] = bundle_document(*earlier, BundleMeta{});
        d["earlier"].erase("integrity");
    }
    return d.dump();
}

}  // namespace

TEST(DraftText, TheTextATreeWouldDump) {
    test_data::RandomPreparation random(5122026, false);
    for (int i = 0; i < 60; ++i) {
        const Preparation prep = random.make();
        const Preparation earlier = random.make();
        ui::DraftPlace place;
        place.screen = i % 2 ? "steps" : "start";
        place.step = "questions";
        place.author = i % 3 ? "person" : "rel-\"1\"";
        place.mode = i % 4;
        place.text_scale = 1.0f + 0.25f * static_cast<float>(i % 5);
        place.high_contrast = i % 2 == 0;
        place.speech_rate = 0.8f + 0.1f * static_cast<float>(i % 4);
        place.network_voice = i % 3 == 0;
        place.created = i % 2 ? "2026-12-05T10:00:00Z" : "";
        place.saved_sha = i % 2 ? std::string(64, 'a') : "";
        const Lang lang = static_cast<Lang>(i % 3);
        const Preparation* before = i % 2 ? &earlier : nullptr;
        const std::string text = ui::write_draft(prep, before, lang, place);
        const std::string updated = nlohmann::json::parse(text)["bundle"]["updated"].get<std::string>();
        ASSERT_EQ(text, draft_by_tree(prep, before, lang, place, updated)) << "draft " << i;
        const std::optional<ui::Draft> back = ui::read_draft(text, Date{2026, 12, 5});
        ASSERT_TRUE(back) << "draft " << i;
        EXPECT_EQ(to_json(back->prep), to_json(prep)) << "draft " << i;
        EXPECT_EQ(back->earlier.has_value(), before != nullptr);
    }
}
