// The plan's sections (core/sections.hpp) describe every member of the model: a member added to
// the bundle format (core/fields.hpp) and to no section would be left out of the summary, "what
// changed" and the FHIR export without anyone noticing.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <type_traits>

#include "core/enum_names.hpp"
#include "core/i18n.hpp"
#include "core/labels.hpp"
#include "core/sections.hpp"

using namespace sipprep;

namespace {

template <typename T>
struct Element {
    using type = T;
};
template <typename T>
struct Element<std::vector<T>> {
    using type = T;
};

// The JSON pointers of the members that hold values, from the field registry: records (and lists
// of records) are walked into; free text (Voices, a list of entries), texts, numbers and enums are
// leaves.
template <typename S>
void leaves(const std::string& at, std::vector<std::string>& out) {
    std::apply(
        [&](const auto&... f) {
            auto one = [&](const auto& field) {
                using T = std::decay_t<decltype(std::declval<S>().*(field.member))>;
                using E = typename Element<T>::type;
                const std::string path = at + "/" + field.name;
                if constexpr (is_described<E>::value && !std::is_same_v<E, Entry>)
                    leaves<E>(path, out);
                else
                    out.push_back(path);
            };
            (one(f), ...);
        },
        Fields<S>::list);
}

bool covers(const std::string& described, const std::string& leaf) {
    return leaf == described || (leaf.size() > described.size() && leaf.compare(0, described.size(), described) == 0 &&
                                 leaf[described.size()] == '/');
}

}  // namespace

TEST(Sections, EveryMemberOfThePlanIsDescribed) {
    std::vector<std::string> all;
    leaves<Preparation>("/content", all);
    ASSERT_GT(all.size(), 80u);
    const std::vector<std::string> described = described_paths();
    for (const std::string& leaf : all)
        EXPECT_TRUE(
            std::any_of(described.begin(), described.end(), [&](const std::string& d) { return covers(d, leaf); }))
            << leaf << " is in the bundle format (core/fields.hpp) but in no section of core/sections.cpp";
    // And nothing is described twice.
    for (const std::string& d : described)
        EXPECT_EQ(std::count_if(described.begin(), described.end(),
                                [&](const std::string& other) { return covers(d, other) || covers(other, d); }),
                  1)
            << d;
}

TEST(Sections, NamesLinkIdsAndTextsAreThere) {
    std::set<std::string> names, link_ids;
    std::set<int> ranks;
    for (const Section& s : plan_sections()) {
        EXPECT_TRUE(names.insert(s.name).second) << s.name;
        EXPECT_EQ(&section_info(s.id), &s);
        EXPECT_TRUE(has_text(Lang::Sv, std::string("summary.") + s.name)) << s.name;
        if (s.questionnaire_rank) EXPECT_TRUE(ranks.insert(s.questionnaire_rank).second) << s.name;
        if (s.fhir_group) {
            EXPECT_TRUE(link_ids.insert(s.fhir_group).second) << s.fhir_group;
            EXPECT_TRUE(has_text(Lang::Sv, s.fhir_text_key)) << s.fhir_text_key;
        }
        for (const auto& w : s.words) {
            for (const char* key : {w.heading_key, w.changes_key, w.question_key})
                if (key) EXPECT_TRUE(has_text(Lang::Sv, key)) << key;
            if (w.link_id) {
                EXPECT_TRUE(link_ids.insert(w.link_id).second) << w.link_id;
                EXPECT_TRUE(w.question_key) << w.link_id;
                EXPECT_NE(s.questionnaire_rank, 0) << w.link_id;
            }
            if (w.compare == Compare::Items) EXPECT_TRUE(w.changes_key) << w.path;
        }
    }
    EXPECT_EQ(names.size(), static_cast<std::size_t>(SectionId::Evaluation) + 1);
}

TEST(Sections, HasContentFollowsTheWords) {
    Preparation p = make_new_preparation();
    for (const Section& s : plan_sections())
        if (s.id != SectionId::Contributors) EXPECT_FALSE(has_content(p, s)) << s.name;
    set_text(p.situation.strengths, kPersonId, "Envis");
    EXPECT_TRUE(has_content(p, SectionId::Situation));
    p.needs.push_back(AreaNeeds{LifeArea::Home, "", {}, {}});
    EXPECT_FALSE(has_content(p, SectionId::Needs));  // an area chosen, nothing written yet
    set_text(p.needs[0].need_help_with, kPersonId, "Städa");
    EXPECT_TRUE(has_content(p, SectionId::Needs));
}

// The catalog word of each enum is in its names table: every value has its text.
template <typename E>
void expect_labels() {
    for (std::size_t i = 0; i < enum_count<E>(); ++i)
        EXPECT_TRUE(has_text(Lang::Sv, enum_key(static_cast<E>(i)))) << enum_key(static_cast<E>(i));
}

TEST(Sections, EveryEnumValueHasItsCatalogText) {
    expect_labels<ContributorRole>();
    expect_labels<RepresentativeKind>();
    expect_labels<PreparationKind>();
    expect_labels<NoticedBy>();
    expect_labels<LifeArea>();
    expect_labels<Priority>();
    expect_labels<ActorKind>();
    expect_labels<ParticipationMode>();
    expect_labels<YesNo>();
    expect_labels<EffortDone>();
    expect_labels<ConsentDecision>();
    expect_labels<ConsentForm>();
    expect_labels<ConsentGiver>();
    expect_labels<InfoCategory>();
    expect_labels<PlanContactKind>();
    EXPECT_EQ(enum_label(Lang::Sv, LifeArea::Home), tr(Lang::Sv, "enum.area.home"));
    EXPECT_EQ(area_label(AreaNeeds{LifeArea::Other, "Husdjur", {}, {}}, Lang::Sv), "Husdjur");
}
