// Controls for the model's enums, labelled from the catalog (enum_label, labels.hpp).
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "core/enum_names.hpp"
#include "core/labels.hpp"
#include "ui/widgets.hpp"

namespace sipprep::ui {

// Checkboxes for a set of enum values kept as a list, in the order the app shows them, each
// labelled by `label_of(value)`.
template <typename E, typename Label>
bool enum_set(const std::string& id, std::vector<E>& values, Label label_of) {
    bool changed = false;
    for (std::size_t i = 0; i < enum_count<E>(); ++i) {
        const E e = static_cast<E>(i);
        bool on = std::find(values.begin(), values.end(), e) != values.end();
        if (checkbox(label_of(e), id + "-" + std::string(enum_name(e)), &on)) {
            if (on)
                values.push_back(e);
            else
                values.erase(std::remove(values.begin(), values.end(), e), values.end());
            std::sort(values.begin(), values.end());
            changed = true;
        }
    }
    return changed;
}

template <typename E>
bool enum_set(Lang lang, const std::string& id, std::vector<E>& values) {
    return enum_set(id, values, [&](E e) { return enum_label(lang, e); });
}

// One of the enum's values as a radio group. An enum whose last value is `Unanswered` shows
// that one as no choice made (nothing checked), not as an option.
template <typename E>
bool enum_radio(Lang lang, const std::string& label, const std::string& id, E* value) {
    std::size_t count = enum_count<E>();
    int v = static_cast<int>(*value);
    if constexpr (requires { E::Unanswered; }) {
        static_assert(static_cast<std::size_t>(E::Unanswered) + 1 == enum_count<E>(), "Unanswered comes last");
        --count;
        if (*value == E::Unanswered) v = -1;
    }
    std::vector<std::string> options;
    for (std::size_t i = 0; i < count; ++i) options.push_back(enum_label(lang, static_cast<E>(i)));
    if (!radio_group(label, id, options, &v)) return false;
    *value = static_cast<E>(v);
    return true;
}

}  // namespace sipprep::ui
