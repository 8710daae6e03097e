int low();
int high() { return low() + 1; }
