#include <cstdio>
int main() { std::puts("planrun " PLANRUN_VERSION); }
