# stops before the last step (legit-access): external-id-confused-deputy
# Lines exactly as a learner types them; placeholders are filled in by the grader.
# step vendor-role
cat > vendor-trust.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::{{account2}}:root"},
      "Action": "sts:AssumeRole"
    }
  ]
}
EOF
aws iam create-role --role-name vendor-access --assume-role-policy-document file://vendor-trust.json
aws iam attach-role-policy --role-name vendor-access --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
# step confused-deputy
aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/vendor-access --role-session-name for-mallory --profile vendor
# step require-external-id
cat > vendor-trust.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::{{account2}}:root"},
      "Action": "sts:AssumeRole",
      "Condition": {"StringEquals": {"sts:ExternalId": "cust-4f1e9a"}}
    }
  ]
}
EOF
aws iam update-assume-role-policy --role-name vendor-access --policy-document file://vendor-trust.json
# step deputy-stopped
aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/vendor-access --role-session-name for-mallory --external-id cust-mallory-77 --profile vendor
