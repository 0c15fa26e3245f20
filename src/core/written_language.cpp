#include "written_language.hpp"

#include <vector>

#include "model_json.hpp"

namespace sipprep {

std::string primary_language(std::string_view tag) {
    std::string out(tag.substr(0, tag.find('-')));
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string preparation_language(const Preparation& p) {
    return p.written_language.empty() ? kSwedish : p.written_language;
}

std::string author_language(const Preparation& p, const std::string& author) {
    for (const Contributor& c : p.contributors)
        if (c.id == author && !c.written_language.empty()) return c.written_language;
    return preparation_language(p);
}

void set_written_language(Preparation& p, const std::string& writer, const std::string& tag) {
    const std::string before = preparation_language(p);
    // A relative's own contribution holds only their words: its language is theirs.
    if (writer == kPersonId || p.kind == PreparationKind::Contribution) {
        if (tag == before) return;
        for (Contributor& c : p.contributors) {
            if (c.id == kPersonId) continue;
            if (c.written_language.empty() && c.id != writer) c.written_language = before;  // as they wrote
            if (c.written_language == tag || c.id == writer) c.written_language.clear();
        }
        p.written_language = tag == kSwedish ? "" : tag;
        return;
    }
    for (Contributor& c : p.contributors)
        if (c.id == writer) c.written_language = tag == before ? "" : tag;
}

namespace {

// Every object of the walk with an "author" and a "text": a voice's entry, a question.
class WordsBy final : public ContentSink {
public:
    explicit WordsBy(const std::string& author) : author_(author) {}
    bool found = false;

    void begin_object() override { objects_.push_back({}); }
    void member(const char* name) override { member_ = name; }
    void begin_list() override { objects_.push_back({}); }
    void item(std::size_t) override {}
    void end() override {
        if (objects_.empty()) return;
        const Object o = objects_.back();
        objects_.pop_back();
        found = found || (o.author == author_ && o.has_text);
    }
    void text(const std::string& value) override {
        if (objects_.empty()) return;
        if (member_ == "author") objects_.back().author = value;
        if (member_ == "text" && !value.empty()) objects_.back().has_text = true;
    }
    void flag(bool) override {}
    void number(int) override {}

private:
    struct Object {
        std::string author;
        bool has_text = false;
    };
    const std::string& author_;
    std::string member_;
    std::vector<Object> objects_;
};

}  // namespace

bool has_words_by(const Preparation& p, const std::string& author) {
    WordsBy sink(author);
    walk_content(p, sink);
    return sink.found;
}

std::string language_name(std::string_view tag, Lang reader) {
    const std::string key = "language.name." + primary_language(tag);
    return has_text(reader, key) ? tr(reader, key) : std::string(tag);
}

std::string answer_language_note(std::string_view tag, Lang reader) {
    if (primary_language(tag) == std::string(lang_text_tag(reader))) return {};
    return trf(reader, "summary.answer_in", {language_name(tag, reader)});
}

std::string interpreter_suggestion(const Preparation& p, Lang reader) {
    // A relative's contribution: whether they need one is their own item for the person's draft.
    if (p.kind == PreparationKind::Contribution) return {};
    const std::string language = preparation_language(p);
    if (primary_language(language) == kSwedish || p.participation.adaptations.interpreter) return {};
    return trf(reader, "summary.interpreter_hint", {language_name(language, reader)});
}

}  // namespace sipprep
