// The page's a11y layer as docs/a11y-protocol.md describes it, without a browser: patches applied
// one after another, records replacing a node's properties, `ch` its children, and whatever no
// parent lists any more gone. After each frame it must equal the app's tree (a11y_tree_json):
// a change the diff leaves out of a patch would be a word the screen reader never hears.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace sipprep::test {

class PageA11yLayer {
public:
    // Applies one patch ("" when nothing changed); false, with `why`, when it breaks the protocol.
    bool apply(const std::string& patch, std::string* why) {
        const std::set<std::string> removed_before = std::exchange(removed_, {});
        churned_.clear();
        if (patch.empty()) return true;
        const nlohmann::json records = nlohmann::json::parse(patch);
        std::set<std::string> seen;
        for (const nlohmann::json& r : records) {
            const std::string key = r.at("k");
            if (!seen.insert(key).second) return fail(why, "two records for " + key + " in one patch");
            nlohmann::json props = r;
            if (props.contains("ch")) {
                children_[key] = props["ch"].get<std::vector<std::string>>();
                props.erase("ch");
            } else if (!nodes_.count(key) && is_container(props.at("r"))) {
                return fail(why, "new container " + key + " without its children");
            }
            if (!nodes_.count(key) && removed_before.count(key)) churned_.push_back(key);
            nodes_[key] = std::move(props);
        }
        // What no parent lists any more goes, with everything under it.
        std::set<std::string> reachable;
        if (!walk("root", reachable, why)) return false;
        for (auto it = nodes_.begin(); it != nodes_.end();) {
            if (reachable.count(it->first)) {
                ++it;
            } else {
                removed_.insert(it->first);
                children_.erase(it->first);
                it = nodes_.erase(it);
            }
        }
        return true;
    }

    // What the last patch made anew that the patch before it had taken away: a node that left the
    // layer for one frame only (a screen reader's view of the page changed twice for nothing).
    const std::vector<std::string>& churned() const { return churned_; }
    // A new action starts: what earlier patches took away may come back with it (an added item
    // can get a removed one's id).
    void new_action() { removed_.clear(); }

    // The layer as the nested records a11y_tree_json gives.
    nlohmann::json tree() const { return node("root"); }

private:
    static bool is_container(const std::string& role) {
        for (const char* c :
             {"root", "group", "radiogroup", "list", "listitem", "navigation", "status", "alert", "run"})
            if (role == c) return true;
        return false;
    }
    static bool fail(std::string* why, const std::string& what) {
        if (why) *why = what;
        return false;
    }
    bool walk(const std::string& key, std::set<std::string>& reachable, std::string* why) const {
        if (!nodes_.count(key)) return fail(why, "a child no record made: " + key);
        if (!reachable.insert(key).second) return fail(why, key + " listed twice");
        if (auto it = children_.find(key); it != children_.end())
            for (const std::string& c : it->second)
                if (!walk(c, reachable, why)) return false;
        return true;
    }
    nlohmann::json node(const std::string& key) const {
        nlohmann::json j = nodes_.at(key);
        if (auto it = children_.find(key); it != children_.end() && !it->second.empty()) {
            nlohmann::json kids = nlohmann::json::array();
            for (const std::string& c : it->second) kids.push_back(node(c));
            j["ch"] = std::move(kids);
        }
        return j;
    }

    std::map<std::string, nlohmann::json> nodes_;
    std::map<std::string, std::vector<std::string>> children_;
    std::set<std::string> removed_;
    std::vector<std::string> churned_;
};

}  // namespace sipprep::test
