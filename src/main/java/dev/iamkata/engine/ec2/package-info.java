/**
 * Amazon EC2 over the EC2 protocol: instance types, regions, a default VPC per account and region,
 * instances with instance profiles ({@code iam:PassRole} on the profile's role), and each
 * instance's metadata service with its role's credentials.
 */
package dev.iamkata.engine.ec2;
