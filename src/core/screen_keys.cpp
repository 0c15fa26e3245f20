#include "core/screen_keys.hpp"

namespace sipprep {

// Where the keys are used (grep the prefix in src/ui): start = app_start.cpp, about = the "Om SIP"
// page, each step = src/ui/steps/<step>.cpp, messages = issue.cpp, app.cpp, app_files.cpp,
// app_passphrase.cpp, the summary = steps/summary.cpp and summary_render.cpp.
const std::vector<Screen>& screens() {
    static const std::vector<Screen> kScreens = {
        {"Startsidan", {"app.", "lang.", "start.", "resume."}},
        {"Om SIP", {"about.", "texts."}},
        {"Stegen och varje steg", {"nav.", "step.", "who.", "voices.", "prompt.", "settings.", "speech.", "date."}},
        {"Om dig", {"about_you.", "owner.", "noticed.", "reps.", "writers.", "reason.", "enum.rep.", "enum.role."}},
        {"Vad är viktigt för dig?", {"goal.", "earlier.", "remove."}},
        {"Hur har det gått?", {"followup.", "changes."}},
        {"Hur är det nu?", {"now."}},
        {"Vad behöver du?", {"needs.", "enum.area."}},
        {"Frågor till mötet", {"questions."}},
        {"Vilka ska vara med?", {"invite.", "service.", "enum.actor."}},
        {"Så vill jag vara med", {"participation.", "adapt.", "enum.mode."}},
        {"Samtycke",
         {"consent.", "sip_consent.", "enum.decision.", "enum.form.", "enum.giver.", "enum.category.", "form."}},
        {"Sammanfattning", {"summary.", "export.", "print.", "ics.", "language."}},
        {"Efter mötet", {"agreed.", "eval.", "effort.", "enum.done.", "enum.contact."}},
        {"Närståendes synpunkter", {"contribution."}},
        {"Meddelanden",
         {"msg.", "open.", "storage.", "memory.", "elsewhere.", "update.", "erase.", "auto_erase.", "versions.",
          "saved.", "age.", "passphrase.", "protect.", "unlock.", "lock."}},
        {"Yrkesverksam", {"pro.", "fhir.", "kva.", "integrity."}},
        {"Fältnamn och val", {"field.", "enum.", "month.", "datetime."}},
    };
    return kScreens;
}

const Screen* screen_of_key(std::string_view key) {
    const Screen* best = nullptr;
    std::size_t best_length = 0;
    for (const Screen& s : screens())
        for (std::string_view p : s.prefixes)
            if (key.substr(0, p.size()) == p && p.size() > best_length) {
                best = &s;
                best_length = p.size();
            }
    return best;
}

}  // namespace sipprep
