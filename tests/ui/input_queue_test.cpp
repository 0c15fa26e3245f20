// The browser's pointer queue (src/platform/web/input_queue.cpp): each frame sees a press and its
// release apart, and a release where it happened.
#include "platform/web/input_queue.hpp"

#include <gtest/gtest.h>

#include "imgui.h"

namespace web = sipprep::web;

namespace {

struct Context {
    Context() { ImGui::SetCurrentContext(ImGui::CreateContext()); }
    ~Context() {
        while (web::input_apply_frame(ImGui::GetIO())) {
        }
        ImGui::DestroyContext();
    }
};

}  // namespace

TEST(InputQueue, APressAndReleaseBetweenTwoFramesTakeTwoFrames) {
    Context c;
    ImGuiIO& io = ImGui::GetIO();
    web::input_mouse_pos(10, 20);
    web::input_mouse_button(0, true, 0);
    web::input_mouse_button(0, false, 0);
    EXPECT_TRUE(web::input_apply_frame(io));
    EXPECT_TRUE(io.MouseDown[0]);
    EXPECT_EQ(io.MousePos.x, 10);
    EXPECT_FALSE(web::input_apply_frame(io));
    EXPECT_FALSE(io.MouseDown[0]);
}

// WebKit sends pointerleave (the page moves the pointer away) right after the pointerup of a
// captured pointer: the release must still count where it happened, on the button.
TEST(InputQueue, AReleaseCountsWhereItHappenedNotWhereThePointerWentNext) {
    Context c;
    ImGuiIO& io = ImGui::GetIO();
    web::input_mouse_pos(10, 20);
    web::input_mouse_button(0, true, 0);
    EXPECT_FALSE(web::input_apply_frame(io));
    web::input_mouse_pos(10, 20);
    web::input_mouse_button(0, false, 0);
    web::input_mouse_pos(-3.4e38f, -3.4e38f);
    EXPECT_TRUE(web::input_apply_frame(io));
    EXPECT_FALSE(io.MouseDown[0]);
    EXPECT_EQ(io.MousePos.x, 10);
    EXPECT_FALSE(web::input_apply_frame(io));
    EXPECT_LT(io.MousePos.x, -1e30f);
}

TEST(InputQueue, MovesBeforeAPressAreTakenInTheSameFrame) {
    Context c;
    ImGuiIO& io = ImGui::GetIO();
    web::input_mouse_pos(1, 1);
    web::input_mouse_pos(5, 6);
    web::input_mouse_button(0, true, 0);
    EXPECT_FALSE(web::input_apply_frame(io));
    EXPECT_EQ(io.MousePos.x, 5);
    EXPECT_TRUE(io.MouseDown[0]);
}
