// Writing, reading and the unknown-member check, all driven by the field tables in fields.hpp.
#include "model_json.hpp"

#include <cmath>
#include <optional>
#include <string_view>
#include <type_traits>

#include "enum_names.hpp"
#include "fields.hpp"
#include "text_checks.hpp"

namespace sipprep {
namespace {

template <typename T>
struct is_vector : std::false_type {};
template <typename T>
struct is_vector<std::vector<T>> : std::true_type {};

// ---- walking, and writing through it ----

template <typename T>
void walk(const T& v, ContentSink& sink) {
    if constexpr (std::is_same_v<T, std::string>) {
        sink.text(v);
    } else if constexpr (std::is_same_v<T, bool>) {
        sink.flag(v);
    } else if constexpr (std::is_same_v<T, int>) {
        sink.number(v);
    } else if constexpr (std::is_enum_v<T>) {
        sink.text(std::string(enum_name(v)));
    } else if constexpr (std::is_same_v<T, Voices>) {
        walk(v.entries, sink);
    } else if constexpr (is_vector<T>::value) {
        sink.begin_list();
        for (std::size_t i = 0; i < v.size(); ++i) {
            sink.item(i);
            walk(v[i], sink);
        }
        sink.end();
    } else {
        static_assert(is_described<T>::value, "a model type without a field table");
        sink.begin_object();
        auto one = [&](const auto& f) {
            using F = std::decay_t<decltype(f)>;
            using M = std::decay_t<decltype(v.*(f.member))>;
            if constexpr (F::optional)
                if (v.*(f.member) == M{}) return;
            sink.member(f.name);
            walk(v.*(f.member), sink);
        };
        std::apply([&](const auto&... f) { (one(f), ...); }, Fields<T>::list);
        sink.end();
    }
}

class JsonWriter final : public ContentSink {
public:
    Json take() { return std::move(root_); }

private:
    void begin_object() override { open(Json::object()); }
    void begin_list() override { open(Json::array()); }
    void member(const char* name) override { key_ = name; }
    void item(std::size_t) override {}
    void end() override { open_.pop_back(); }
    void text(const std::string& value) override { place(value); }
    void flag(bool value) override { place(value); }
    void number(int value) override { place(value); }

    Json& place(Json value) {
        if (open_.empty()) return root_ = std::move(value);
        Json& parent = *open_.back();
        if (parent.is_object()) return parent[key_] = std::move(value);
        parent.push_back(std::move(value));
        return parent.back();
    }
    void open(Json container) { open_.push_back(&place(std::move(container))); }

    Json root_;
    std::vector<Json*> open_;  // a list's items are placed after the one before has ended
    const char* key_ = nullptr;
};

// ---- reading: tolerant of wrong types (the schema reports them), never throws. A member that
// is missing or of the wrong type keeps the struct's default. The walk below is the model's
// shape (one small function per type); the JSON is looked at only by Cursor's functions, each
// written once, so that every field does not carry its own copy of nlohmann's look-ups. ----

class Cursor {
public:
    Cursor(const JsonIn& root, std::vector<UnknownField>* unknown) : at_(&root), unknown_(unknown) {}

    // Moves to member `name` of the current object if it has one; leave() comes back.
    bool enter(const char* name) {
        auto it = at_->find(name);
        if (it == at_->end()) return false;
        push(&*it, name);
        return true;
    }
    // The number of items if the current value is a list (else 0); enter_item(i) moves to one.
    std::size_t items() const { return at_->is_array() ? at_->size() : 0; }
    void enter_item(std::size_t i) { push(&(*at_)[i], std::to_string(i)); }
    void leave() {
        at_ = up_.back();
        up_.pop_back();
        path_.resize(path_lengths_.back());
        path_lengths_.pop_back();
    }
    bool is_object() const { return at_->is_object(); }
    // Members of the current object that are not among `known` (the field table's names).
    void check_members(const char* const* known, std::size_t count) {
        if (!unknown_) return;
        for (auto it = at_->begin(); it != at_->end(); ++it) {
            bool found = false;
            for (std::size_t i = 0; i < count && !found; ++i) found = it.key() == known[i];
            if (!found) {
                std::string words;
                words = words_in(*it);
                unknown_->push_back(UnknownField{path_ + "/" + it.key(), std::move(words)});
            }
        }
    }
    void read(std::string& v) const {
        if (at_->is_string()) v = at_->get_ref<const std::string&>();
    }
    void read(bool& v) const {
        if (at_->is_boolean()) v = at_->get<bool>();
    }
    void read(int& v) const {
        if (at_->is_number_integer()) v = at_->get<int>();
        // 4.0 is 4, as the schema check counts it (schema_check.cpp); the schema bounds every int.
        if (at_->is_number_float() && at_->get<double>() == std::floor(at_->get<double>()) &&
            std::abs(at_->get<double>()) <= 2147483647.0)
            v = static_cast<int>(at_->get<double>());
    }
    // The current value as an enum's name, or nothing.
    std::optional<std::string_view> name() const {
        if (!at_->is_string()) return std::nullopt;
        return std::string_view(at_->get_ref<const std::string&>());
    }

private:
    void push(const JsonIn* next, std::string_view step) {
        up_.push_back(at_);
        path_lengths_.push_back(path_.size());
        path_ += '/';
        path_ += step;
        at_ = next;
    }

    const JsonIn* at_;
    std::vector<const JsonIn*> up_;
    std::string path_ = "/content";
    std::vector<std::size_t> path_lengths_;
    std::vector<UnknownField>* unknown_;
};

template <typename T>
void read(Cursor& c, T& v) {
    if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, bool> || std::is_same_v<T, int>) {
        c.read(v);
    } else if constexpr (std::is_enum_v<T>) {
        if (auto n = c.name())
            if (auto e = enum_from_name<T>(*n)) v = *e;
    } else if constexpr (std::is_same_v<T, Voices>) {
        read(c, v.entries);
    } else if constexpr (is_vector<T>::value) {
        using Item = typename T::value_type;
        v.clear();
        const std::size_t n = c.items();
        for (std::size_t i = 0; i < n; ++i) {
            c.enter_item(i);
            if constexpr (std::is_enum_v<Item>) {
                // A list of names: values the format does not know are left out.
                if (auto name = c.name())
                    if (auto e = enum_from_name<Item>(*name)) v.push_back(*e);
            } else {
                read(c, v.emplace_back());
            }
            c.leave();
        }
    } else {
        if (!c.is_object()) return;
        std::apply(
            [&](const auto&... f) {
                auto one = [&](const auto& fd) {
                    if (!c.enter(fd.name)) return;
                    read(c, v.*(fd.member));
                    c.leave();
                };
                (one(f), ...);
                const char* const known[] = {f.name...};
                c.check_members(known, sizeof...(f));
            },
            Fields<T>::list);
    }
}

}  // namespace

std::string words_in(const JsonIn& v) {
    std::string out;
    // Its texts, not its ids, dates and other exact values (text_checks.hpp names them).
    const auto collect = [&out](const auto& self, const JsonIn& at) -> void {
        if (at.is_string()) {
            const std::string& text = at.get_ref<const std::string&>();
            if (!text.empty()) out += (out.empty() ? "" : " / ") + text;
        } else if (at.is_object()) {
            for (auto it = at.begin(); it != at.end(); ++it)
                if (!is_exact_value("/" + it.key())) self(self, *it);
        } else if (at.is_array()) {
            for (const JsonIn& child : at) self(self, child);
        }
    };
    collect(collect, v);
    return out;
}

void walk_content(const Preparation& p, ContentSink& sink) { walk(p, sink); }

Json to_json(const Preparation& p) {
    JsonWriter w;
    walk(p, w);
    return w.take();
}

Preparation preparation_from_json(const JsonIn& content, std::vector<UnknownField>* unknown_fields) {
    Preparation p;
    Cursor c(content, unknown_fields);
    read(c, p);
    return p;
}

}  // namespace sipprep
