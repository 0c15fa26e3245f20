// On a phone (390 CSS pixels wide) every control stays within the screen: long choices and
// button texts wrap instead of running past the edge (seen in every engine's phone profile).
#include <gtest/gtest.h>

#include "app_driver.hpp"

using namespace sipprep;

namespace {

void expect_within(const ui::A11yNode& n, float width, const std::string& where) {
    const bool control = n.role == ui::Role::Button || n.role == ui::Role::Checkbox || n.role == ui::Role::Radio ||
                         n.role == ui::Role::TextBox || n.role == ui::Role::TextArea;
    if (control && n.w > 0) EXPECT_LE(n.x + n.w, width + 0.5f) << where << ": \"" << n.name << "\" runs past the edge";
    for (const ui::A11yNode& c : n.kids()) expect_within(c, width, where);
}

}  // namespace

TEST(Phone, EveryControlOfTheStartScreenAndTheFirstStepsFitsA390PixelScreen) {
    test::Headless h{390, 4000};
    test::FakeHost host;
    ui::App app{host};
    app.set_today(Date{2026, 11, 23});
    auto frame = [&] {
        h.app_frame([&](const ui::Fonts& f) { app.frame(f); });
        h.app_frame([&](const ui::Fonts& f) { app.frame(f); });
    };
    frame();
    expect_within(app.a11y_tree(), 390, "start");
    // The longest choices on the start screen are there, whole, in the accessibility tree.
    EXPECT_NE(test::find(app.a11y_tree(), ui::Role::Radio, "Jag är företrädare (god man, förvaltare, ombud)"), nullptr);
    test::press(h, app, "Ny förberedelse");
    expect_within(app.a11y_tree(), 390, "about you");
    test::press(h, app, "Visa alla steg");
    test::press(h, app, "7. Så vill jag vara med");
    expect_within(app.a11y_tree(), 390, "participation");
}
