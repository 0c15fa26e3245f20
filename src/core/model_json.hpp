// The preparation as JSON: the "content" object of a bundle (format in docs/bundle-format.md).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model.hpp"

namespace sipprep {

// One JSON type for reading and writing: a second instantiation of nlohmann::basic_json would
// cost the web app about a sixth of its download. Members come out in sorted order.
using Json = nlohmann::json;
using JsonIn = nlohmann::json;

Json to_json(const Preparation& p);

// What walk_content() tells as it goes through the preparation, in the file's names and in the
// order of the field tables: the one walk behind to_json() and the rules' look at every text, so
// that a keystroke's check does not write the whole draft out first.
class ContentSink {
public:
    virtual void begin_object() = 0;
    virtual void member(const char* name) = 0;  // before each member's value
    virtual void begin_list() = 0;
    virtual void item(std::size_t index) = 0;  // before each item
    virtual void end() = 0;                    // of the innermost object or list
    virtual void text(const std::string& value) = 0;
    virtual void flag(bool value) = 0;
    virtual void number(int value) = 0;

protected:
    ~ContentSink() = default;
};

// Members the file leaves out (optional ones holding their default) are not told.
void walk_content(const Preparation& p, ContentSink& sink);

// A member the format does not know (a newer app's), with the words it holds: its texts, in
// order, joined by " / " (empty when it holds none).
struct UnknownField {
    std::string path;
    std::string words;
};
// The words a value holds, as an UnknownField keeps them.
std::string words_in(const JsonIn& v);

// Reads content that has already passed the schema. Fields the format does not know are kept
// out of the model and reported in `unknown_fields`.
Preparation preparation_from_json(const JsonIn& content, std::vector<UnknownField>* unknown_fields = nullptr);

}  // namespace sipprep
