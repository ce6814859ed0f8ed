#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "interpreter/ast/node.h"
#include "interpreter/frontend/source_comments.h"

namespace planrun {

// Which comment belongs to which part of a document, so that `planrun fmt` writes each comment
// beside what it was written beside, in either syntax and whatever order fmt puts fields in.
//
// The parts comments attach to ("units") are the entries of maps (known by their key node) and
// the items of lists. A comment on a line of its own belongs to the next unit in the file: the
// outermost one starting on the first line after it that starts any. A comment at the end of a
// line belongs to the outermost unit starting on that line, or else to the last one started
// before it. The comments at the top of the file up to its last blank line before the first unit
// are the file's header, and comments after the last unit its footer. Units are known by address:
// the document must outlive the map and stay where it is.
class CommentMap {
 public:
  CommentMap(const ast::Node& document, const std::vector<SourceComment>& comments);

  const std::vector<std::string>& header() const { return header_; }
  const std::vector<std::string>& footer() const { return footer_; }
  // Comment lines written before the unit, in order.
  const std::vector<std::string>& before(const ast::Node* unit) const;
  // Comments written at the end of the unit's (first) line, in order: usually none or one.
  const std::vector<std::string>& after(const ast::Node* unit) const;
  // Whether any unit inside `collection` (not the collection itself) has comments: such a
  // collection is written one entry a line, where the comments have their places.
  bool inside(const ast::Node& collection) const { return holders_.count(&collection) > 0; }
  size_t count() const { return count_; }

 private:
  struct Unit {
    const ast::Node* node;
    std::vector<const ast::Node*> ancestors;  // collections it lies in
  };
  void collect_units(const ast::Node& collection, std::vector<const ast::Node*>& ancestors);
  const Unit* unit_from_line(int line, bool own_line) const;
  void attach(const Unit& unit);

  std::vector<std::string> header_, footer_;
  std::map<const ast::Node*, std::vector<std::string>> before_, after_;
  std::set<const ast::Node*> holders_;
  std::multimap<int, Unit> units_;  // by line; for one line, outermost first
  size_t count_ = 0;
};

}  // namespace planrun
