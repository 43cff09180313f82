package interview

import "grill/grading"

type gradingPoint = grading.PointResult
