/**
 * The UI's language: which one (flag, remembered setting, environment) and its strings, kept in
 * UTF-8 resource bundles {@code dev/iamkata/tui/messages_en.properties} and {@code _ja}.
 */
package dev.iamkata.tui.i18n;
