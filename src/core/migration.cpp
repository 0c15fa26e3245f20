#include "migration.hpp"

#include "model.hpp"
#include "model_json.hpp"

namespace sipprep {

nlohmann::json migrate_v0_to_v1(const nlohmann::json& v0, std::vector<UnknownField>* left_out) {
    Preparation p = make_new_preparation();
    const auto& content =
        v0.contains("content") && v0["content"].is_object() ? v0["content"] : nlohmann::json::object();
    const auto leave = [&](const std::string& path, const nlohmann::json& v) {
        if (left_out) left_out->push_back(UnknownField{path, words_in(v)});
    };
    for (auto it = content.begin(); it != content.end(); ++it) {
        const std::string path = "/content/" + it.key();
        if (it.key() == "goal" && it->is_string()) {
            set_text(p.goals.long_term, kPersonId, it->get<std::string>());
        } else if (it.key() == "questions" && it->is_array()) {
            int n = 0;
            for (std::size_t i = 0; i < it->size(); ++i) {
                const auto& q = (*it)[i];
                if (q.is_string() && !q.get<std::string>().empty())
                    p.questions.push_back(
                        Question{"q-" + std::to_string(++n), kPersonId, q.get<std::string>(), Priority::None, ""});
                else if (!q.is_string())
                    leave(path + "/" + std::to_string(i), q);
            }
        } else {
            leave(path, *it);
        }
    }
    nlohmann::json v1;
    v1["format"] = "sipprep-bundle";
    v1["version"] = 1;
    for (const char* key : {"created", "updated", "app", "language"})
        if (v0.contains(key)) v1[key] = v0[key];
    v1["content"] = to_json(p);
    return v1;
}

}  // namespace sipprep
