#include <cstdio>
int main() { std::puts("sipprep"); return 0; }
