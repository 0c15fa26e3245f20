#include "migration.hpp"

#include "model.hpp"
#include "model_json.hpp"

namespace sipprep {

nlohmann::json migrate_v0_to_v1(const nlohmann::json& v0) {
    Preparation p = make_new_preparation();
    const auto& content =
        v0.contains("content") && v0["content"].is_object() ? v0["content"] : nlohmann::json::object();
    if (auto goal = content.find("goal"); goal != content.end() && goal->is_string())
        set_text(p.goals.long_term, kPersonId, goal->get<std::string>());
    if (auto qs = content.find("questions"); qs != content.end() && qs->is_array()) {
        int n = 0;
        for (const auto& q : *qs)
            if (q.is_string() && !q.get<std::string>().empty())
                p.questions.push_back(
                    Question{"q-" + std::to_string(++n), kPersonId, q.get<std::string>(), Priority::None, ""});
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
