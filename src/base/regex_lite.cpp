#include "regex_lite.hpp"

#include <memory>

namespace sipprep::regex_lite {

// ---- parsing into a small tree, then compiling the tree into a backtracking program ----

struct Node {
    enum Kind { Alt, Cat, Repeat, Group, Char, Any, Class, Bol, Eol } kind = Cat;
    std::vector<std::unique_ptr<Node>> kids;
    int min = 0, max = 0;  // Repeat; max < 0: unbounded
    int index = -1;        // Group: capture index, -1 for (?: )
    unsigned char c = 0;   // Char
    int cls = 0;           // Class
};

class Compiler {
public:
    Compiler(const std::string& p, Regex& re) : p_(p), re_(re) {}

    bool compile() {
        auto tree = alternation();
        if (!ok_ || pos_ != p_.size()) return false;
        re_.prog_.push_back(Inst{Inst::Save, 0, 0, 0});
        emit(*tree);
        re_.prog_.push_back(Inst{Inst::Save, 0, 1, 0});
        re_.prog_.push_back(Inst{Inst::Match});
        return ok_ && re_.prog_.size() < 100000;
    }

private:
    bool more() const { return pos_ < p_.size(); }
    char peek() const { return p_[pos_]; }

    std::unique_ptr<Node> make(Node::Kind k) {
        auto n = std::make_unique<Node>();
        n->kind = k;
        return n;
    }

    std::unique_ptr<Node> alternation() {
        auto first = concatenation();
        if (!more() || peek() != '|') return first;
        auto alt = make(Node::Alt);
        alt->kids.push_back(std::move(first));
        while (more() && peek() == '|') {
            ++pos_;
            alt->kids.push_back(concatenation());
        }
        return alt;
    }

    std::unique_ptr<Node> concatenation() {
        auto cat = make(Node::Cat);
        while (ok_ && more() && peek() != '|' && peek() != ')') cat->kids.push_back(repetition());
        return cat;
    }

    bool number(int* out) {
        std::size_t start = pos_;
        int v = 0;
        while (more() && peek() >= '0' && peek() <= '9' && v < 100000) v = v * 10 + (p_[pos_++] - '0');
        *out = v;
        return pos_ > start;
    }

    std::unique_ptr<Node> repetition() {
        auto atom_node = atom();
        while (ok_ && more()) {
            int min, max;
            const char q = peek();
            if (q == '*') {
                min = 0;
                max = -1;
                ++pos_;
            } else if (q == '+') {
                min = 1;
                max = -1;
                ++pos_;
            } else if (q == '?') {
                min = 0;
                max = 1;
                ++pos_;
            } else if (q == '{') {
                const std::size_t save = pos_++;
                if (!number(&min)) {
                    pos_ = save;
                    break;
                }  // a literal '{'
                max = min;
                if (more() && peek() == ',') {
                    ++pos_;
                    if (!number(&max)) max = -1;
                }
                if (!more() || peek() != '}' || (max >= 0 && max < min) || min > 1000 || max > 1000) {
                    ok_ = false;
                    break;
                }
                ++pos_;
            } else {
                break;
            }
            if (more() && peek() == '?') ++pos_;  // lazy: same language, captures may differ
            auto rep = make(Node::Repeat);
            rep->min = min;
            rep->max = max;
            rep->kids.push_back(std::move(atom_node));
            atom_node = std::move(rep);
        }
        return atom_node;
    }

    int add_class(const std::bitset<256>& set) {
        re_.classes_.push_back(set);
        return static_cast<int>(re_.classes_.size()) - 1;
    }

    static std::bitset<256> shorthand(char e) {
        std::bitset<256> s;
        for (int ch = 0; ch < 256; ++ch) {
            const bool digit = ch >= '0' && ch <= '9';
            const bool word = digit || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
            const bool space = ch == ' ' || (ch >= 9 && ch <= 13);
            switch (e) {
                case 'd':
                    s[ch] = digit;
                    break;
                case 'D':
                    s[ch] = !digit;
                    break;
                case 'w':
                    s[ch] = word;
                    break;
                case 'W':
                    s[ch] = !word;
                    break;
                case 's':
                    s[ch] = space;
                    break;
                case 'S':
                    s[ch] = !space;
                    break;
            }
        }
        return s;
    }

    static unsigned char escaped_char(char e) {
        switch (e) {
            case 'n':
                return '\n';
            case 't':
                return '\t';
            case 'r':
                return '\r';
            case 'f':
                return '\f';
            case 'v':
                return '\v';
            case '0':
                return '\0';
            default:
                return static_cast<unsigned char>(e);
        }
    }

    std::unique_ptr<Node> atom() {
        if (!more()) {
            ok_ = false;
            return make(Node::Cat);
        }
        const char ch = p_[pos_++];
        switch (ch) {
            case '.':
                return make(Node::Any);
            case '^':
                return make(Node::Bol);
            case '$':
                return make(Node::Eol);
            case '(': {
                auto g = make(Node::Group);
                if (pos_ + 1 < p_.size() && peek() == '?' && p_[pos_ + 1] == ':')
                    pos_ += 2;
                else
                    g->index = re_.groups_++;
                g->kids.push_back(alternation());
                if (!more() || peek() != ')') {
                    ok_ = false;
                    return g;
                }
                ++pos_;
                return g;
            }
            case '[':
                return bracket();
            case '\\': {
                if (!more()) {
                    ok_ = false;
                    return make(Node::Cat);
                }
                const char e = p_[pos_++];
                if (std::string("dDwWsS").find(e) != std::string::npos) {
                    auto n = make(Node::Class);
                    n->cls = add_class(shorthand(e));
                    return n;
                }
                auto n = make(Node::Char);
                n->c = escaped_char(e);
                return n;
            }
            case '*':
            case '+':
            case '?':
            case ')':
                ok_ = false;
                return make(Node::Cat);
            default: {
                auto n = make(Node::Char);
                n->c = static_cast<unsigned char>(ch);
                return n;
            }
        }
    }

    std::unique_ptr<Node> bracket() {
        std::bitset<256> set;
        bool negate = false;
        if (more() && peek() == '^') {
            negate = true;
            ++pos_;
        }
        bool first = true;
        while (more() && (peek() != ']' || first)) {
            first = false;
            int lo;
            char ch = p_[pos_++];
            if (ch == '\\' && more()) {
                const char e = p_[pos_++];
                if (std::string("dDwWsS").find(e) != std::string::npos) {
                    set |= shorthand(e);
                    continue;
                }
                lo = escaped_char(e);
            } else {
                lo = static_cast<unsigned char>(ch);
            }
            int hi = lo;
            if (pos_ + 1 < p_.size() && peek() == '-' && p_[pos_ + 1] != ']') {
                ++pos_;
                char h = p_[pos_++];
                if (h == '\\' && more()) h = static_cast<char>(escaped_char(p_[pos_++]));
                hi = static_cast<unsigned char>(h);
                if (hi < lo) {
                    ok_ = false;
                    break;
                }
            }
            for (int v = lo; v <= hi; ++v) set[static_cast<std::size_t>(v)] = true;
        }
        if (!more()) {
            ok_ = false;
            return make(Node::Cat);
        }
        ++pos_;  // ']'
        if (negate) set.flip();
        auto n = make(Node::Class);
        n->cls = add_class(set);
        return n;
    }

    int here() const { return static_cast<int>(re_.prog_.size()); }
    int push(Inst i) {
        re_.prog_.push_back(i);
        return here() - 1;
    }

    void emit(const Node& n) {
        if (re_.prog_.size() > 100000) {
            ok_ = false;
            return;
        }
        switch (n.kind) {
            case Node::Char:
                push(Inst{Inst::Char, n.c});
                break;
            case Node::Any:
                push(Inst{Inst::Any});
                break;
            case Node::Class:
                push(Inst{Inst::Class, 0, n.cls});
                break;
            case Node::Bol:
                push(Inst{Inst::Bol});
                break;
            case Node::Eol:
                push(Inst{Inst::Eol});
                break;
            case Node::Cat:
                for (const auto& k : n.kids) emit(*k);
                break;
            case Node::Group:
                if (n.index >= 0) push(Inst{Inst::Save, 0, 2 * n.index});
                emit(*n.kids[0]);
                if (n.index >= 0) push(Inst{Inst::Save, 0, 2 * n.index + 1});
                break;
            case Node::Alt: {
                std::vector<int> to_end;
                for (std::size_t i = 0; i < n.kids.size(); ++i) {
                    if (i + 1 < n.kids.size()) {
                        const int split = push(Inst{Inst::Split});
                        re_.prog_[split].x = here();
                        emit(*n.kids[i]);
                        to_end.push_back(push(Inst{Inst::Jmp}));
                        re_.prog_[split].y = here();
                    } else {
                        emit(*n.kids[i]);
                    }
                }
                for (int j : to_end) re_.prog_[j].x = here();
                break;
            }
            case Node::Repeat: {
                for (int i = 0; i < n.min; ++i) emit(*n.kids[0]);
                if (n.max < 0) {
                    const int split = push(Inst{Inst::Split});
                    re_.prog_[split].x = here();
                    emit(*n.kids[0]);
                    push(Inst{Inst::Jmp, 0, split});
                    re_.prog_[split].y = here();
                } else {
                    std::vector<int> splits;
                    for (int i = n.min; i < n.max; ++i) {
                        const int split = push(Inst{Inst::Split});
                        re_.prog_[split].x = here();
                        splits.push_back(split);
                        emit(*n.kids[0]);
                    }
                    for (int s : splits) re_.prog_[s].y = here();
                }
                break;
            }
        }
    }

    const std::string& p_;
    Regex& re_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

Regex::Regex(const std::string& pattern) {
    Compiler c(pattern, *this);
    valid_ = c.compile();
    if (!valid_) {  // an invalid pattern matches nothing: one empty class, then Match
        prog_ = {Inst{Inst::Class, 0, 0}, Inst{Inst::Match}};
        classes_.assign(1, std::bitset<256>());
        groups_ = 1;
    }
}

bool Regex::run(const std::string& text, bool full, std::vector<int>* captures) const {
    const int n = static_cast<int>(text.size());
    const std::size_t width = static_cast<std::size_t>(n) + 1;
    std::vector<bool> visited;
    std::vector<int> caps(static_cast<std::size_t>(2 * groups_), -1);
    struct Job {
        int pc, pos, slot, old;  // slot >= 0: restore caps[slot] = old
    };
    std::vector<Job> stack;
    for (int start = 0; start <= n; ++start) {
        visited.assign(prog_.size() * width, false);
        std::fill(caps.begin(), caps.end(), -1);
        stack.clear();
        stack.push_back(Job{0, start, -1, 0});
        while (!stack.empty()) {
            Job job = stack.back();
            stack.pop_back();
            if (job.slot >= 0) {
                caps[static_cast<std::size_t>(job.slot)] = job.old;
                continue;
            }
            int pc = job.pc, pos = job.pos;
            while (true) {
                const std::size_t state = static_cast<std::size_t>(pc) * width + static_cast<std::size_t>(pos);
                if (visited[state]) break;
                visited[state] = true;
                const Inst& in = prog_[static_cast<std::size_t>(pc)];
                const unsigned char ch = pos < n ? static_cast<unsigned char>(text[static_cast<std::size_t>(pos)]) : 0;
                bool go = true;
                switch (in.op) {
                    case Inst::Char:
                        go = pos < n && ch == in.c;
                        ++pc;
                        ++pos;
                        break;
                    case Inst::Any:
                        go = pos < n && ch != '\n';
                        ++pc;
                        ++pos;
                        break;
                    case Inst::Class:
                        go = pos < n && classes_[static_cast<std::size_t>(in.x)][ch];
                        ++pc;
                        ++pos;
                        break;
                    case Inst::Bol:
                        go = pos == 0;
                        ++pc;
                        break;
                    case Inst::Eol:
                        go = pos == n;
                        ++pc;
                        break;
                    case Inst::Jmp:
                        pc = in.x;
                        break;
                    case Inst::Split:
                        stack.push_back(Job{in.y, pos, -1, 0});
                        pc = in.x;
                        break;
                    case Inst::Save:
                        stack.push_back(Job{0, 0, in.x, caps[static_cast<std::size_t>(in.x)]});
                        caps[static_cast<std::size_t>(in.x)] = pos;
                        ++pc;
                        break;
                    case Inst::Match:
                        if (!full || pos == n) {
                            if (captures) *captures = caps;
                            return true;
                        }
                        go = false;
                        break;
                }
                if (!go) break;
            }
        }
        if (full) break;  // a whole-text match can only start at 0
    }
    return false;
}

void Match::set(const std::string& text, const std::vector<int>& caps) {
    subs_.clear();
    for (std::size_t i = 0; i + 1 < caps.size(); i += 2) {
        SubMatch s;
        if (caps[i] >= 0 && caps[i + 1] >= caps[i]) {
            s.matched = true;
            s.text = text.substr(static_cast<std::size_t>(caps[i]), static_cast<std::size_t>(caps[i + 1] - caps[i]));
        }
        subs_.push_back(s);
    }
}

bool regex_match(const std::string& text, const Regex& re) { return re.run(text, true, nullptr); }

bool regex_match(const std::string& text, Match& m, const Regex& re) {
    std::vector<int> caps;
    if (!re.run(text, true, &caps)) return false;
    m.set(text, caps);
    return true;
}

bool regex_search(const std::string& text, const Regex& re) { return re.run(text, false, nullptr); }

bool regex_search(const std::string& text, Match& m, const Regex& re) {
    std::vector<int> caps;
    if (!re.run(text, false, &caps)) return false;
    m.set(text, caps);
    return true;
}

}  // namespace sipprep::regex_lite
