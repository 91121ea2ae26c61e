# stops before the last step (mfa-age): mfa-protected-role
# Lines exactly as a learner types them; placeholders are filled in by the grader.
# step mfa-trust
cat > mfa-trust.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::{{account}}:root"},
      "Action": "sts:AssumeRole",
      "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
    }
  ]
}
EOF
aws iam create-role --role-name prod-admin --assume-role-policy-document file://mfa-trust.json
aws iam attach-role-policy --role-name prod-admin --policy-arn arn:aws:iam::aws:policy/AdministratorAccess
# step denied-without-mfa
aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/prod-admin --role-session-name no-mfa --profile dev-user
# step create-device
aws iam create-virtual-mfa-device --virtual-mfa-device-name dev-user-phone --outfile mfa-seed.txt --bootstrap-method Base32StringSeed
totp mfa-seed.txt
# step enable-device
CODE1=$(totp mfa-seed.txt)
wait 30s
CODE2=$(totp mfa-seed.txt)
aws iam enable-mfa-device --user-name dev-user --serial-number arn:aws:iam::{{account}}:mfa/dev-user-phone --authentication-code1 $CODE1 --authentication-code2 $CODE2
# step assume-with-mfa
wait 30s
aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/prod-admin --role-session-name with-mfa --serial-number arn:aws:iam::{{account}}:mfa/dev-user-phone --token-code $(totp mfa-seed.txt) --profile dev-user
# step code-once
wait 30s
C=$(totp mfa-seed.txt)
aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/prod-admin --role-session-name first-use --serial-number arn:aws:iam::{{account}}:mfa/dev-user-phone --token-code $C --profile dev-user
aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/prod-admin --role-session-name second-use --serial-number arn:aws:iam::{{account}}:mfa/dev-user-phone --token-code $C --profile dev-user
# step mfa-profile
aws configure set role_arn arn:aws:iam::{{account}}:role/prod-admin --profile prod-admin
aws configure set source_profile dev-user --profile prod-admin
aws configure set mfa_serial arn:aws:iam::{{account}}:mfa/dev-user-phone --profile prod-admin
wait 30s
aws sts get-caller-identity --profile prod-admin <<< "$(totp mfa-seed.txt)"
# step session-token
wait 30s
read -r AK SK ST <<< "$(aws sts get-session-token --serial-number arn:aws:iam::{{account}}:mfa/dev-user-phone --token-code $(totp mfa-seed.txt) --profile dev-user --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)"
AWS_ACCESS_KEY_ID=$AK AWS_SECRET_ACCESS_KEY=$SK AWS_SESSION_TOKEN=$ST aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/prod-admin --role-session-name from-mfa-session
