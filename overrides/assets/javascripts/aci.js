/* Course front-end: see overrides/assets/javascripts/ */
