export {}; // placeholder until the routing rules land
