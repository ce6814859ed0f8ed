INSERT INTO um_user (user_name) VALUES ('admin');
