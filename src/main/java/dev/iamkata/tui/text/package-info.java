/**
 * Pure text layout for the terminal: display widths (Japanese characters take two columns),
 * word-wrapping with basic kinsoku rules, and Markdown rendered to styled lines. No terminal here.
 */
package dev.iamkata.tui.text;
