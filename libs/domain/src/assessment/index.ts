export {}; // placeholder until the assessment rules land
