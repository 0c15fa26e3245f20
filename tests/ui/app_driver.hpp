// Driving the App headless the way the page's a11y layer does: find controls by role and name, press
// them, type into them, read what is shown.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fake_host.hpp"
#include "headless.hpp"
#include "ui/app.hpp"

namespace sipprep::test {

inline std::string read(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

inline const ui::A11yNode* find(const ui::A11yNode& n, ui::Role role, const std::string& name) {
    if (n.role == role && n.name == name) return &n;
    for (const ui::A11yNode& c : n.children)
        if (const ui::A11yNode* f = find(c, role, name)) return f;
    return nullptr;
}

// Every name, value and description in the tree, for "is it shown anywhere?".
inline std::string text_of(const ui::A11yNode& n) {
    std::string out = n.name + "\n" + n.value + "\n" + n.description + "\n";
    if (!n.note.empty()) out += n.note + "\n";
    if (!n.error.empty()) out += n.error + "\n";
    for (const ui::A11yNode& c : n.kids()) out += text_of(c);
    return out;
}

inline void press(Headless& h, ui::App& app, const std::string& name) {
    const ui::A11yNode* b = find(app.a11y_tree(), ui::Role::Button, name);
    ASSERT_NE(b, nullptr) << "no button " << name;
    app.dom_activate(b->key);
    h.app_frame([&](const ui::Fonts& f) { app.frame(f); });
    h.app_frame([&](const ui::Fonts& f) { app.frame(f); });
}

// Types `text` into the text field named `name` (the whole value, caret at its end).
inline void type_into(Headless& h, ui::App& app, ui::Role role, const std::string& name, const std::string& text) {
    const ui::A11yNode* f = find(app.a11y_tree(), role, name);
    ASSERT_NE(f, nullptr) << "no field " << name;
    const int end = static_cast<int>(text.size());  // ASCII in tests: UTF-16 units = bytes
    app.dom_text(f->key, ui::DomText{text, end, end, false});
    h.app_frame([&](const ui::Fonts& fs) { app.frame(fs); });
    h.app_frame([&](const ui::Fonts& fs) { app.frame(fs); });
}

// The last focus the app asked the page for, and the last thing it read out.
inline std::string last_focus(const FakeHost& host) {
    std::string key;
    for (const auto& u : host.asked.update_a11y)
        if (!u.focus_key.empty()) key = u.focus_key;
    return key;
}

inline std::string last_announcement(const FakeHost& host) {
    std::string said;
    for (const auto& u : host.asked.update_a11y)
        if (!u.announcement.empty()) said = u.announcement;
    return said;
}

// One app on a headless ImGui context and a fake host, at a fixed date, first frame drawn.
// (One at a time: each owns the current ImGui context.)
struct AppRun {
    Headless h;
    FakeHost host;
    ui::App app{host};
    explicit AppRun(float width = 900) : h(width, 3000) {
        app.set_today(Date{2026, 11, 23});
        frame();
    }
    void frame() {
        h.app_frame([&](const ui::Fonts& f) { app.frame(f); });
        h.app_frame([&](const ui::Fonts& f) { app.frame(f); });
    }
    std::string shown() const { return text_of(app.a11y_tree()); }
    nlohmann::json state() const { return nlohmann::json::parse(app.state_json()); }
    void tick(const std::string& name) {
        const ui::A11yNode* c = find(app.a11y_tree(), ui::Role::Checkbox, name);
        ASSERT_NE(c, nullptr) << name;
        app.dom_activate(c->key);
        frame();
    }
};

}  // namespace sipprep::test
