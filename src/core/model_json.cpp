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

// ---- writing ----

template <typename T>
Json write(const T& v);

template <typename S>
Json write_object(const S& s) {
    Json j = Json::object();
    auto put = [&](const auto& f) {
        using F = std::decay_t<decltype(f)>;
        using T = std::decay_t<decltype(s.*(f.member))>;
        if constexpr (F::optional)
            if (s.*(f.member) == T{}) return;
        j[f.name] = write(s.*(f.member));
    };
    std::apply([&](const auto&... f) { (put(f), ...); }, Fields<S>::list);
    return j;
}

template <typename T>
Json write(const T& v) {
    if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, bool> || std::is_same_v<T, int>) {
        return v;
    } else if constexpr (std::is_enum_v<T>) {
        return std::string(enum_name(v));
    } else if constexpr (std::is_same_v<T, Voices>) {
        return write(v.entries);
    } else if constexpr (is_vector<T>::value) {
        Json a = Json::array();
        for (const auto& item : v) a.push_back(write(item));
        return a;
    } else {
        static_assert(is_described<T>::value, "a model type without a field table");
        return write_object(v);
    }
}

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

Json to_json(const Preparation& p) { return write(p); }

Preparation preparation_from_json(const JsonIn& content, std::vector<std::string>* unknown_fields) {
    Preparation p;
    std::string path = "/content";
    Reader(unknown_fields).read(content, p, path);
    return p;
}

}  // namespace sipprep
