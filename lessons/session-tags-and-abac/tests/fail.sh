# stops before the last step (cannot-override-transitive): session-tags-and-abac
# Lines exactly as a learner types them; placeholders are filled in by the grader.
# step tag-the-people
aws iam tag-user --user-name mika --tags Key=project,Value=alpha
aws iam list-user-tags --user-name mika
# step abac-trust
cat > abac-trust.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::{{account}}:root"},
      "Action": ["sts:AssumeRole", "sts:TagSession"],
      "Condition": {"StringEquals": {"aws:RequestTag/project": "${aws:PrincipalTag/project}"}}
    }
  ]
}
EOF
aws iam create-role --role-name project-data --assume-role-policy-document file://abac-trust.json
# step abac-permissions
cat > project-files.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::abac-data/${aws:PrincipalTag/project}/*"
    }
  ]
}
EOF
aws iam put-role-policy --role-name project-data --policy-name project-files --policy-document file://project-files.json
# step assume-with-tag
read -r AK SK ST <<< "$(aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/project-data --role-session-name mika --tags Key=project,Value=alpha --profile mika --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)"
aws configure set aws_access_key_id "$AK" --profile mika-session
aws configure set aws_secret_access_key "$SK" --profile mika-session
aws configure set aws_session_token "$ST" --profile mika-session
aws s3 cp s3://abac-data/alpha/plan.txt alpha-plan.txt --profile mika-session
cat alpha-plan.txt
# step other-project-denied
aws s3 cp s3://abac-data/beta/plan.txt beta-plan.txt --profile mika-session
# step cannot-claim-another-project
aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/project-data --role-session-name mika --tags Key=project,Value=beta --profile mika
# step one-role-many-teams
read -r AK SK ST <<< "$(aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/project-data --role-session-name ken --tags Key=project,Value=beta --profile ken --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)"
aws configure set aws_access_key_id "$AK" --profile ken-session
aws configure set aws_secret_access_key "$SK" --profile ken-session
aws configure set aws_session_token "$ST" --profile ken-session
aws s3 cp s3://abac-data/beta/plan.txt beta-plan.txt --profile ken-session
# step chain-drops-tags
aws iam put-role-policy --role-name project-data --policy-name chain-to-reports --policy-document file://chain-to-reports.json
read -r AK SK ST <<< "$(aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/project-reports --role-session-name mika --profile mika-session --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)"
aws configure set aws_access_key_id "$AK" --profile reports-session
aws configure set aws_secret_access_key "$SK" --profile reports-session
aws configure set aws_session_token "$ST" --profile reports-session
aws s3 cp s3://abac-data/alpha/plan.txt alpha-report.txt --profile reports-session
# step transitive-tags
read -r AK SK ST <<< "$(aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/project-data --role-session-name mika --tags Key=project,Value=alpha --transitive-tag-keys project --profile mika --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)"
aws configure set aws_access_key_id "$AK" --profile mika-session
aws configure set aws_secret_access_key "$SK" --profile mika-session
aws configure set aws_session_token "$ST" --profile mika-session
read -r AK SK ST <<< "$(aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/project-reports --role-session-name mika --profile mika-session --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)"
aws configure set aws_access_key_id "$AK" --profile reports-session
aws configure set aws_secret_access_key "$SK" --profile reports-session
aws configure set aws_session_token "$ST" --profile reports-session
aws s3 cp s3://abac-data/alpha/plan.txt alpha-report.txt --profile reports-session
