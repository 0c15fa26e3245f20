#include "model.hpp"

#include <algorithm>

namespace sipprep {

Preparation make_new_preparation() {
    Preparation p;
    p.contributors.push_back(Contributor{kPersonId, "", ContributorRole::Person, ""});
    return p;
}

const std::string* find_text(const Voices& voices, const std::string& author) {
    for (const Entry& e : voices.entries)
        if (e.author == author) return &e.text;
    return nullptr;
}

void set_text(Voices& voices, const std::string& author, std::string text) {
    auto& entries = voices.entries;
    auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.author == author; });
    if (text.empty()) {
        if (it != entries.end()) entries.erase(it);
        return;
    }
    if (it != entries.end()) {
        it->text = std::move(text);
        return;
    }
    if (author == kPersonId)
        entries.insert(entries.begin(), Entry{author, std::move(text)});
    else
        entries.push_back(Entry{author, std::move(text)});
}

}  // namespace sipprep
