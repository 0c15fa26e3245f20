// Writing, reading and the unknown-member check, all driven by the field tables in fields.hpp.
#include "model_json.hpp"

#include <type_traits>

#include "enum_names.hpp"
#include "fields.hpp"

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
// is missing or of the wrong type keeps the struct's default. ----

class Reader {
public:
    explicit Reader(std::vector<std::string>* unknown) : unknown_(unknown) {}

    template <typename T>
    void read(const JsonIn& j, T& v, std::string& path) {
        if constexpr (std::is_same_v<T, std::string>) {
            if (j.is_string()) v = j.template get<std::string>();
        } else if constexpr (std::is_same_v<T, bool>) {
            if (j.is_boolean()) v = j.template get<bool>();
        } else if constexpr (std::is_same_v<T, int>) {
            if (j.is_number_integer()) v = j.template get<int>();
        } else if constexpr (std::is_enum_v<T>) {
            if (j.is_string())
                if (auto e = enum_from_name<T>(j.template get<std::string>())) v = *e;
        } else if constexpr (std::is_same_v<T, Voices>) {
            read(j, v.entries, path);
        } else if constexpr (is_vector<T>::value) {
            read_list(j, v, path);
        } else {
            read_object(j, v, path);
        }
    }

private:
    template <typename T>
    void read_list(const JsonIn& j, std::vector<T>& out, std::string& path) {
        out.clear();
        if (!j.is_array()) return;
        const std::size_t base = path.size();
        for (std::size_t i = 0; i < j.size(); ++i) {
            if constexpr (std::is_enum_v<T>) {
                // A list of names: values the format does not know are left out.
                if (j[i].is_string())
                    if (auto e = enum_from_name<T>(j[i].template get<std::string>())) out.push_back(*e);
            } else {
                path += '/';
                path += std::to_string(i);
                T item{};
                read(j[i], item, path);
                out.push_back(std::move(item));
                path.resize(base);
            }
        }
    }

    template <typename S>
    void read_object(const JsonIn& j, S& s, std::string& path) {
        if (!j.is_object()) return;
        const std::size_t base = path.size();
        std::apply(
            [&](const auto&... f) {
                auto one = [&](const auto& fd) {
                    auto it = j.find(fd.name);
                    if (it == j.end()) return;
                    path += '/';
                    path += fd.name;
                    read(*it, s.*(fd.member), path);
                    path.resize(base);
                };
                (one(f), ...);
            },
            Fields<S>::list);
        if (!unknown_) return;
        for (auto it = j.begin(); it != j.end(); ++it) {
            bool known = false;
            std::apply([&](const auto&... f) { known = ((it.key() == f.name) || ...); }, Fields<S>::list);
            if (!known) unknown_->push_back(path + "/" + it.key());
        }
    }

    std::vector<std::string>* unknown_;
};

}  // namespace

void walk_content(const Preparation& p, ContentSink& sink) { walk(p, sink); }

Json to_json(const Preparation& p) {
    JsonWriter w;
    walk(p, w);
    return w.take();
}

Preparation preparation_from_json(const JsonIn& content, std::vector<std::string>* unknown_fields) {
    Preparation p;
    std::string path = "/content";
    Reader(unknown_fields).read(content, p, path);
    return p;
}

}  // namespace sipprep
