// The screens, each described once: its id, its name in drafts and in the test state, the
// function that draws it and what it allows. Everything that names, draws or routes to a screen
// looks here (steps/step_table.hpp does the same for the steps shown on the "steps" screen).
#include <iterator>

#include "app.hpp"

namespace sipprep::ui {

namespace {
template <typename Row, std::size_t N>
constexpr bool rows_in_id_order(const Row (&rows)[N]) {
    for (std::size_t i = 0; i < N; ++i)
        if (static_cast<std::size_t>(rows[i].id) != i) return false;
    return true;
}
}  // namespace

const App::ScreenInfo& App::screen_info(Screen screen) {
    using P = FilePurpose;
    static constexpr ScreenInfo kScreens[] = {
        {Screen::Start, "start", &App::start_screen, true, false, P::Draft},
        {Screen::Resume, "resume", &App::resume_screen, false, false, P::Draft},
        {Screen::About, "about", &App::about_screen, true, false, P::Draft},
        {Screen::Steps, "steps", &App::steps_screen, true, true, P::Draft},
        {Screen::Evaluation, "evaluation", &App::evaluation_screen, true, true, P::Draft},
        {Screen::Professional, "professional", &App::professional_screen, false, false, P::Read},
        {Screen::Review, "review", &App::review_screen, false, false, P::Draft},
    };
    // A screen is its row: a row out of place would draw and name another screen.
    static_assert(std::size(kScreens) == static_cast<std::size_t>(Screen::Review) + 1,
                  "one row per screen (Review is the last)");
    static_assert(rows_in_id_order(kScreens), "each row at the position of its id");
    return kScreens[static_cast<std::size_t>(screen)];
}

std::optional<App::Screen> App::screen_from_name(const std::string& name) {
    for (std::size_t i = 0; i <= static_cast<std::size_t>(Screen::Review); ++i) {
        const ScreenInfo& s = screen_info(static_cast<Screen>(i));
        if (name == s.name) return s.id;
    }
    return std::nullopt;
}

App::Screen App::screen_to_continue(const std::string& name) {
    const std::optional<Screen> s = screen_from_name(name);
    return s && screen_info(*s).continues_draft ? *s : Screen::Steps;
}

}  // namespace sipprep::ui
