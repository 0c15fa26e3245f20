// A relative who lives elsewhere writes their view of someone else's SIP at home and saves it as
// a contribution: a bundle of kind "contribution" (docs/bundle-format.md) holding only their own
// words. The person (or the guardian who holds the main draft) opens it and takes each item along
// or leaves it; what is taken joins the draft in the relative's name. Nothing changes without
// that choice, the same contribution opened again adds nothing twice, and a newer one from the
// same relative shows only what is new or changed.
#pragma once

#include <string>
#include <vector>

#include "i18n.hpp"
#include "model.hpp"

namespace sipprep {

// A new contribution: the person it is for (contributor "person", named later) and the relative
// who writes, with the id `relative_id`.
Preparation start_contribution(const std::string& relative_id);

// The relative who wrote a contribution (its first contributor that is not the person), or null.
const Contributor* contribution_author(const Preparation& contribution);

struct ContributionItem {
    enum class Place { Reason, Goal, Now, CanHelp, Question, Attends, Interpreter };
    Place place;
    std::string text;      // what the relative wrote (for Attends: the YesNo name, "yes"/"no")
    std::string previous;  // what the draft has from them there now, when it differs ("" if nothing)
    bool present = false;  // the draft has it already: nothing to take
};

struct ContributionReview {
    Contributor relative;  // as in the contribution
    std::string draft_id;  // their id in the draft: a writer there with the same name, or a new id
    bool known = false;    // the draft has them as a writer already
    std::string language;  // the language they wrote in (a BCP 47 tag, written_language.hpp)
    std::vector<ContributionItem> items;
    // Their words in parts a contribution does not take in (a file written elsewhere may hold
    // them): "Behov – Hälsa – Klarar själv: …", shown so that nothing goes unseen.
    std::vector<std::string> left_out;
};

ContributionReview review_contribution(const Preparation& draft, const Preparation& contribution, Lang lang = Lang::Sv);

// Takes item `index` of `review` into `draft`, in the relative's name (added as a writer first
// when needed) and language. A question already there is not added again. `keep_both`: their new
// words after what they wrote there before, instead of in its place (words only: can_keep_both).
void accept_contribution_item(Preparation& draft, const ContributionReview& review, std::size_t index,
                              bool keep_both = false);
// Whether the item would replace words of theirs that can stay beside the new ones.
bool can_keep_both(const ContributionItem& item);

// Another writer than `except_id` with the name `name` (letters' case and the spaces around it
// aside), or null: one person twice under "Vem skriver nu?" splits their words in two.
const Contributor* other_writer_named(const Preparation& p, const std::string& name, const std::string& except_id);

// "Varför behövs mötet?", "Vad är viktigt …" …: the heading a place is shown under.
std::string contribution_place_label(ContributionItem::Place place, Lang lang);

}  // namespace sipprep
