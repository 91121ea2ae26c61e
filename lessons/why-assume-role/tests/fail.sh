# stops before the last step (instance-credentials): why-assume-role
# Lines exactly as a learner types them; placeholders are filled in by the grader.
# step service-principal
cat > ec2-trust.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"Service": "ec2.amazonaws.com"},
      "Action": "sts:AssumeRole"
    }
  ]
}
EOF
aws iam create-role --role-name ec2-app --assume-role-policy-document file://ec2-trust.json
# step alice-has-nothing
aws s3 ls --profile alice
# step trust-alice
cat > trust-policy.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::{{account}}:user/alice"},
      "Action": "sts:AssumeRole"
    }
  ]
}
EOF
aws iam create-role --role-name read-only --assume-role-policy-document file://trust-policy.json
aws iam attach-role-policy --role-name read-only --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess
# step assume-and-export
read -r AK SK ST <<< "$(aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/read-only --role-session-name test-session --profile alice --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)"
export AWS_ACCESS_KEY_ID="$AK"
export AWS_SECRET_ACCESS_KEY="$SK"
export AWS_SESSION_TOKEN="$ST"
aws sts get-caller-identity
# step read-but-not-write
aws s3 ls
aws s3 mb s3://alice-scratch
# step wrong-token
export AWS_SESSION_TOKEN=not-a-real-token
aws s3 ls
aws sts get-caller-identity
export AWS_SESSION_TOKEN="$ST"
aws sts get-caller-identity
# step one-hour-later
wait 1h
aws s3 ls
# step cross-account-bob
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
cat > partner-trust.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::{{account2}}:user/bob"},
      "Action": "sts:AssumeRole"
    }
  ]
}
EOF
aws iam create-role --role-name partner-read --assume-role-policy-document file://partner-trust.json
aws iam attach-role-policy --role-name partner-read --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/partner-read --role-session-name bob-session --profile bob
