//! Colour themes as data, and the WCAG 2.x contrast computation.
