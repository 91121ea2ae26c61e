# stops before the last step (scoped-passrole): lambda-execution-role
# Lines exactly as a learner types them; placeholders are filled in by the grader.
# step execution-role
aws iam create-role --role-name books-reader --assume-role-policy-document file://trust-policy.json
cat > read-books.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "dynamodb:GetItem",
      "Resource": "arn:aws:dynamodb:{{region}}:{{account}}:table/Books"
    }
  ]
}
EOF
aws iam put-role-policy --role-name books-reader --policy-name read-books --policy-document file://read-books.json
# step identity-vs-resource
cat > lambda-trust.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"Service": "lambda.amazonaws.com"},
      "Action": "sts:AssumeRole"
    }
  ]
}
EOF
aws iam create-policy --policy-name lambda-trust --policy-document file://lambda-trust.json
# step passrole-denied
aws lambda create-function --function-name read-books --runtime python3.12 --handler handler.yaml --role arn:aws:iam::{{account}}:role/books-reader --zip-file fileb://function.zip --profile developer
# step allow-passrole
cat > pass-books-reader.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::{{account}}:role/books-reader",
      "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}
    }
  ]
}
EOF
aws iam put-user-policy --user-name developer --policy-name pass-books-reader --policy-document file://pass-books-reader.json
# step untrusted-role
aws lambda create-function --function-name read-books --runtime python3.12 --handler handler.yaml --role arn:aws:iam::{{account}}:role/books-reader --zip-file fileb://function.zip --profile developer
# step fix-trust
aws iam update-assume-role-policy --role-name books-reader --policy-document file://lambda-trust.json
# step create-function
aws lambda create-function --function-name read-books --runtime python3.12 --handler handler.yaml --role arn:aws:iam::{{account}}:role/books-reader --zip-file fileb://function.zip --profile developer
# step invoke
aws lambda invoke --function-name read-books --payload fileb://event.json out.json --profile developer
cat out.json
