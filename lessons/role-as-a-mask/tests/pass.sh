# every step solved: role-as-a-mask
# Lines exactly as a learner types them; placeholders are filled in by the grader.
# step trust
cat > mask-trust.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::{{account}}:user/wearer"},
      "Action": "sts:AssumeRole"
    }
  ]
}
EOF
aws iam create-role --role-name mask --assume-role-policy-document file://mask-trust.json
# step permissions
aws iam attach-role-policy --role-name mask --policy-arn arn:aws:iam::aws:policy/AdministratorAccess
# step boundary
aws iam put-role-permissions-boundary --role-name mask --permissions-boundary arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
aws iam get-role --role-name mask --query Role.PermissionsBoundary
# step sts-not-iam
aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/mask --role-session-name wearer-session --profile wearer
aws iam get-user-policy --user-name wearer --policy-name assume-mask
aws iam put-user-policy --user-name wearer --policy-name assume-mask --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::{{account}}:role/mask"}]}'
# step wear-the-mask
aws configure set role_arn arn:aws:iam::{{account}}:role/mask --profile mask
aws configure set source_profile wearer --profile mask
aws configure set role_session_name wearer-session --profile mask
aws s3 ls --profile mask
aws iam list-users --profile mask
# step session-policy
read -r AK SK ST <<< "$(aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/mask --role-session-name narrow --policy '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::mask-demo-bucket"}]}' --profile wearer --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)"
aws configure set aws_access_key_id "$AK" --profile narrow
aws configure set aws_secret_access_key "$SK" --profile narrow
aws configure set aws_session_token "$ST" --profile narrow
aws s3 ls s3://mask-demo-bucket --profile narrow
aws s3 ls --profile narrow
# step passrole-denied
aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=app-profile --profile ops
# step decode
aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=app-profile --profile ops 2> err.txt
IFS=: read -r _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ ENC <<< "$(grep Encoded err.txt)"
aws sts decode-authorization-message --encoded-message $ENC --query DecodedMessage --output text
# step grant-passrole
aws iam put-user-policy --user-name ops --policy-name pass-app-role --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::{{account}}:role/app-role","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}]}'
aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=app-profile --profile ops
# step cloudtrail
aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=wearer-session
# step chaining
aws configure set role_arn arn:aws:iam::{{account}}:role/relay --profile relay
aws configure set source_profile wearer --profile relay
aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/target --role-session-name chained --duration-seconds 7200 --profile relay
aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/target --role-session-name chained --profile relay
