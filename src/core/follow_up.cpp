#include "follow_up.hpp"

#include "base/sha256.hpp"
#include "bundle.hpp"

namespace sipprep {

Preparation start_follow_up(const Preparation& earlier, const std::string& saved) {
    Preparation p = make_new_preparation();
    p.kind = PreparationKind::FollowUp;
    p.follows.sha256 = sha256_hex(canonical_content(earlier));
    p.follows.saved = saved;
    p.owner = earlier.owner;
    p.representatives = earlier.representatives;
    p.contributors = earlier.contributors;
    bool has_person = false;
    for (const Contributor& c : p.contributors) has_person = has_person || c.id == kPersonId;
    if (!has_person) p.contributors.insert(p.contributors.begin(), make_new_preparation().contributors.front());
    p.invitations = earlier.invitations;
    p.participation.adaptations = earlier.participation.adaptations;
    for (const Consent& c : earlier.consents) {
        Consent carried = c;
        carried.review = true;
        p.consents.push_back(std::move(carried));
    }
    carry_agreed_efforts(p, earlier);
    return p;
}

bool carry_agreed_efforts(Preparation& follow_up, const Preparation& earlier) {
    if (!follow_up.follow_up.agreed_efforts.empty() || earlier.agreed.efforts.empty()) return false;
    for (const Effort& e : earlier.agreed.efforts)
        if (!(e == Effort{}))
            follow_up.follow_up.agreed_efforts.push_back(EffortOutcome{e, EffortDone::Unanswered, ""});
    return !follow_up.follow_up.agreed_efforts.empty();
}

bool keep_earlier_entry(Voices& voices, const Entry& earlier) {
    if (earlier.text.empty()) return false;
    if (const std::string* mine = find_text(voices, earlier.author); mine && !mine->empty()) return false;
    set_text(voices, earlier.author, earlier.text);
    return true;
}

}  // namespace sipprep
