#ifdef SIBLING_REACHES_HIGH
int high();
int sibling() { return high(); }
#else
int sibling() { return 3; }
#endif
