/**
 * Lanterna screens as layered views: each {@link dev.iamkata.tui.view.View} draws itself on a
 * {@link dev.iamkata.tui.view.Canvas} and reacts to keys through {@link dev.iamkata.tui.view.Nav};
 * {@link dev.iamkata.tui.view.App} stacks them (a dialog is a layer over its screen), owns the one
 * UI thread and re-lays out on resize.
 */
package dev.iamkata.tui.view;
