-- An audit table and a trigger that fills it: the trigger's body holds semicolons, which the
-- sqlite3 shell (and planrun) keep inside the CREATE TRIGGER statement.
CREATE TABLE um_audit (
  id INTEGER PRIMARY KEY,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL  -- 'added; by the trigger'
);

CREATE TABLE um_user (id INTEGER PRIMARY KEY, user_name TEXT NOT NULL);

CREATE TRIGGER um_user_added AFTER INSERT ON um_user
BEGIN
  INSERT INTO um_audit (user_name, action) VALUES (NEW.user_name, 'added');
END;
