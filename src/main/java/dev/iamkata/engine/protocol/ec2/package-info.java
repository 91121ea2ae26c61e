/**
 * AWS's EC2 protocol: query-style input ({@code Action}, {@code Version=2016-11-15}, lists as
 * {@code Name.N}), lower-camel XML out with {@code <item>} list members, errors as {@code
 * <Response><Errors><Error>}.
 */
package dev.iamkata.engine.protocol.ec2;
