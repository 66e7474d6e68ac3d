/**
 * Below this zoom an 11 px caption is under 5 px on screen: node details and edge labels are
 * not worth painting. One subscription on the canvas sets a class and CSS hides them — a
 * subscription per node and edge would run 600 selectors on every drag frame of a big design.
 */
import type { ReactFlowState } from '@xyflow/react';

export const DETAIL_ZOOM = 0.45;

export const isZoomedOut = (s: ReactFlowState): boolean => s.transform[2] < DETAIL_ZOOM;
