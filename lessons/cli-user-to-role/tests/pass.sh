# every step solved: cli-user-to-role
# Lines exactly as a learner types them; placeholders are filled in by the grader.
# step create-user
aws iam create-user --user-name tanaka
# step access-key-profile
read -r AK SK <<< "$(aws iam create-access-key --user-name tanaka --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text)"
aws configure set aws_access_key_id "$AK" --profile tanaka
aws configure set aws_secret_access_key "$SK" --profile tanaka
aws configure set region {{region}} --profile tanaka
aws configure set output json --profile tanaka
# step denied-first
aws ec2 describe-instance-types --profile tanaka
# step toy-policy
cat > toy-policy.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": ["ec2:DescribeInstanceTypes"],
      "Effect": "Allow",
      "Resource": "*"
    }
  ]
}
EOF
aws iam create-policy \
  --policy-name ToyPolicy \
  --policy-document file://toy-policy.json
# step who-am-i
aws sts get-caller-identity --profile tanaka
# step trust-policy
cat > trust-policy.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::{{account}}:user/tanaka"},
      "Action": "sts:AssumeRole"
    }
  ]
}
EOF
aws iam create-role \
  --role-name toy-role \
  --assume-role-policy-document file://trust-policy.json
# step attach
aws iam attach-role-policy \
  --role-name toy-role \
  --policy-arn arn:aws:iam::{{account}}:policy/ToyPolicy
# step allow-assume
cat > assume-toy-role.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Resource": "arn:aws:iam::{{account}}:role/toy-role"
    }
  ]
}
EOF
aws iam put-user-policy --user-name tanaka --policy-name assume-toy-role --policy-document file://assume-toy-role.json
# step role-profile
aws configure set role_arn arn:aws:iam::{{account}}:role/toy-role --profile tanaka
aws configure set source_profile tanaka --profile tanaka
aws sts get-caller-identity --profile tanaka
# step allowed-now
aws ec2 describe-instance-types --profile tanaka
# step still-denied
aws ec2 describe-vpcs --profile tanaka
