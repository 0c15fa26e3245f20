// LIX (läsbarhetsindex, Björnsson 1968): words per sentence + 100 × long words / words, where a
// long word has more than six letters. Under 30 reads as very easy, 40 as ordinary prose.
#pragma once

#include <string_view>

namespace sipprep {

struct LixCounts {
    int words = 0;
    int sentences = 0;
    int long_words = 0;        // more than six letters
    int longest_sentence = 0;  // in words

    LixCounts& operator+=(const LixCounts& o) {
        words += o.words;
        sentences += o.sentences;
        long_words += o.long_words;
        if (o.longest_sentence > longest_sentence) longest_sentence = o.longest_sentence;
        return *this;
    }
};

// The counts for one UTF-8 text. A word is a run of characters between spaces that holds a letter,
// a digit or a placeholder ("{0}" counts as one short word, whatever it will hold); its length is
// its letters and digits ("SIP:en" 5, "e-post" 5, "2026-12-24" 8). A sentence ends at . ! ? or :
// followed by a space or the end, at a line end and at a bullet ("•", or "-"/"*" opening a line);
// words after the last end mark make one more sentence, so a label without a full stop is one
// sentence. Separate texts passed one by one never share a sentence.
LixCounts lix_counts(std::string_view text);

// The index for summed counts; 0 for no words.
double lix(const LixCounts& c);

// True when `text` ends with . ! or ? (spaces aside): running text such as a help or a message,
// not a label, a button or a list item. Labels are one short sentence each and pull a screen's
// index down, so the running text alone is the stricter measure.
bool is_running_text(std::string_view text);

}  // namespace sipprep
